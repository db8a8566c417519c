# Sanitizer builds: LCS_SANITIZE (address + undefined) or LCS_SANITIZE_THREAD (thread).
if(LCS_SANITIZE AND LCS_SANITIZE_THREAD)
  message(FATAL_ERROR "LCS_SANITIZE and LCS_SANITIZE_THREAD cannot be combined")
endif()

if(LCS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
elseif(LCS_SANITIZE_THREAD)
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()

if(LCS_BUILD_FUZZERS)
  # Coverage instrumentation for everything linked into the fuzzers.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
