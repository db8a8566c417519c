# Where the module and its data go: in the build tree (a "rundir" OBS can load directly with
# OBS_PLUGINS_PATH / OBS_PLUGINS_DATA_PATH) and when installed. The install layout follows what
# each platform's OBS searches: the system plugin folders on Linux, the per-plugin
# "<module>/bin/64bit" + "<module>/data" folders on Windows and a .plugin bundle on macOS.
set(LCS_RUNDIR "${CMAKE_BINARY_DIR}/rundir")
set(LCS_RUNDIR_PLUGINS "${LCS_RUNDIR}/obs-plugins")
set(LCS_RUNDIR_DATA "${LCS_RUNDIR}/data")

if(WIN32)
  set(_lcs_plugin_dir "live-commerce-studio/bin/64bit")
  set(_lcs_data_dir "live-commerce-studio/data")
elseif(APPLE)
  set(_lcs_plugin_dir "live-commerce-studio.plugin/Contents/MacOS")
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
