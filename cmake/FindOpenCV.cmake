# Finds OpenCV's core, imgproc and imgcodecs from Debian's per-module -dev packages
# (libopencv-{core,imgproc,imgcodecs}-dev). Debian ships OpenCVConfig.cmake only in the
# libopencv-dev meta-package, which drags in every module (VTK included); we need three.
# Defines imported targets opencv_<module>: imported include directories are SYSTEM, so
# OpenCV 4.6's C++20 deprecation warnings stay out of our builds.
find_path(OpenCV_INCLUDE_DIR opencv2/core/version.hpp PATH_SUFFIXES opencv4)
if(OpenCV_INCLUDE_DIR AND EXISTS "${OpenCV_INCLUDE_DIR}/opencv2/core/version.hpp")
  file(STRINGS "${OpenCV_INCLUDE_DIR}/opencv2/core/version.hpp" _cv_version_lines
       REGEX "#define CV_VERSION_(MAJOR|MINOR|REVISION) ")
  foreach(_part MAJOR MINOR REVISION)
    string(REGEX REPLACE ".*#define CV_VERSION_${_part} +([0-9]+).*" "\\1" _cv_${_part} "${_cv_version_lines}")
  endforeach()
  set(OpenCV_VERSION "${_cv_MAJOR}.${_cv_MINOR}.${_cv_REVISION}")
endif()

set(_cv_required_vars OpenCV_INCLUDE_DIR)
foreach(_module IN LISTS OpenCV_FIND_COMPONENTS)
  find_library(OpenCV_${_module}_LIBRARY NAMES opencv_${_module})
  list(APPEND _cv_required_vars OpenCV_${_module}_LIBRARY)
  if(OpenCV_${_module}_LIBRARY)
    set(OpenCV_${_module}_FOUND TRUE)
  endif()
endforeach()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(OpenCV
  REQUIRED_VARS ${_cv_required_vars}
  VERSION_VAR OpenCV_VERSION
  HANDLE_COMPONENTS)

if(OpenCV_FOUND)
  foreach(_module IN LISTS OpenCV_FIND_COMPONENTS)
    if(NOT TARGET opencv_${_module})
      add_library(opencv_${_module} UNKNOWN IMPORTED)
      set_target_properties(opencv_${_module} PROPERTIES
        IMPORTED_LOCATION "${OpenCV_${_module}_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${OpenCV_INCLUDE_DIR}")
    endif()
  endforeach()
endif()
