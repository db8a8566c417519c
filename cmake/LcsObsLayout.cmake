# Where the module and its data go: in the build tree (a "rundir" OBS can load directly with
# OBS_PLUGINS_PATH / OBS_PLUGINS_DATA_PATH) and when installed. The install layout is
# obs-plugintemplate's for current OBS (30+), which OBS 29 reads too:
#   Linux    <prefix>/lib/<multiarch>/obs-plugins/<module>.so + <prefix>/share/obs/obs-plugins/<module>/
#            (the system folders; the .deb installs there, prefix /usr)
#   Windows  <prefix>/<module>/bin/64bit/<module>.dll + <prefix>/<module>/data/, prefix by default
#            %ALLUSERSPROFILE%/obs-studio/plugins (C:\ProgramData\obs-studio\plugins, which OBS
#            searches for third-party plugins)
#   macOS    <prefix>/<module>.plugin, a bundle (Contents/MacOS/<module> universal arm64 + x86_64,
#            data in Contents/Resources), prefix by default
#            ~/Library/Application Support/obs-studio/plugins
set(LCS_RUNDIR "${CMAKE_BINARY_DIR}/rundir")
set(LCS_RUNDIR_PLUGINS "${LCS_RUNDIR}/obs-plugins")
set(LCS_RUNDIR_DATA "${LCS_RUNDIR}/data")

if(WIN32)
  if(CMAKE_INSTALL_PREFIX_INITIALIZED_TO_DEFAULT)
    set(CMAKE_INSTALL_PREFIX "$ENV{ALLUSERSPROFILE}/obs-studio/plugins" CACHE PATH "Plugin install folder" FORCE)
  endif()
  set(_lcs_plugin_dir "live-commerce-studio/bin/64bit")
  set(_lcs_data_dir "live-commerce-studio/data")
elseif(APPLE)
  if(CMAKE_INSTALL_PREFIX_INITIALIZED_TO_DEFAULT)
    set(CMAKE_INSTALL_PREFIX "$ENV{HOME}/Library/Application Support/obs-studio/plugins"
        CACHE PATH "Plugin install folder" FORCE)
  endif()
  set(_lcs_plugin_dir ".") # the bundle target installs as live-commerce-studio.plugin/
  set(_lcs_data_dir "live-commerce-studio.plugin/Contents/Resources")
else()
  if(CMAKE_LIBRARY_ARCHITECTURE)
    set(_lcs_plugin_dir "lib/${CMAKE_LIBRARY_ARCHITECTURE}/obs-plugins")
  else()
    set(_lcs_plugin_dir "${CMAKE_INSTALL_LIBDIR}/obs-plugins")
  endif()
  set(_lcs_data_dir "share/obs/obs-plugins/live-commerce-studio")
endif()

set(LCS_INSTALL_PLUGIN_DIR "${_lcs_plugin_dir}" CACHE STRING "Install folder of the OBS module, relative to the prefix")
set(LCS_INSTALL_DATA_DIR "${_lcs_data_dir}" CACHE STRING "Install folder of the module's data, relative to the prefix")

# The module target as OBS on each platform expects it (called from plugin/obs).
function(lcs_obs_module_properties target)
  if(APPLE)
    # A loadable bundle, as obs-plugintemplate builds it: OBS 30+ on macOS loads
    # <name>.plugin/Contents/MacOS/<name> and reads its data from Contents/Resources.
    set_target_properties(${target} PROPERTIES
      BUNDLE TRUE
      BUNDLE_EXTENSION plugin
      MACOSX_BUNDLE_GUI_IDENTIFIER "com.example.live-commerce-studio"
      MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
      MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
      XCODE_ATTRIBUTE_PRODUCT_BUNDLE_IDENTIFIER "com.example.live-commerce-studio"
      XCODE_ATTRIBUTE_GENERATE_INFOPLIST_FILE YES
      XCODE_ATTRIBUTE_INFOPLIST_KEY_CFBundleDisplayName "${target}"
      XCODE_ATTRIBUTE_INSTALL_PATH "$(USER_LIBRARY_DIR)/Application Support/obs-studio/plugins"
      INSTALL_RPATH "@executable_path/../Frameworks")
  elseif(WIN32)
    install(FILES "$<TARGET_PDB_FILE:${target}>" CONFIGURATIONS RelWithDebInfo Debug Release
            DESTINATION "${LCS_INSTALL_PLUGIN_DIR}" COMPONENT obs_module OPTIONAL)
  endif()
endfunction()
