# Sanitizer and fuzzing instrumentation for the whole build, chosen by two cache options set in the
# top-level CMakeLists.txt:
#   NOFADE_SANITIZE        "" (off), "address,undefined", "address", "undefined" or "thread"
#   NOFADE_BUILD_FUZZERS   ON: libFuzzer coverage for every target (clang only) and tests/fuzz
# Flags go on every target through add_compile_options/add_link_options, so the core, the apps
# and the tests are all instrumented the same way (a half-instrumented binary gives false reports).

if(NOFADE_SANITIZE)
  string(REPLACE "," ";" _nofade_sanitizers "${NOFADE_SANITIZE}")
  foreach(_s IN LISTS _nofade_sanitizers)
    if(NOT _s MATCHES "^(address|undefined|thread|leak)$")
      message(FATAL_ERROR "NOFADE_SANITIZE: unknown sanitizer \"${_s}\" (use address,undefined or thread)")
    endif()
  endforeach()
  if("thread" IN_LIST _nofade_sanitizers AND "address" IN_LIST _nofade_sanitizers)
    message(FATAL_ERROR "NOFADE_SANITIZE: thread and address cannot be combined; build them in separate trees")
  endif()
  # -O1 keeps the instrumented suite fast enough for CI; frame pointers and -g give readable stacks.
  add_compile_options(-fsanitize=${NOFADE_SANITIZE} -fno-omit-frame-pointer -g1 -O1)
  add_link_options(-fsanitize=${NOFADE_SANITIZE})
  # Tests widen their hang-detecting time bounds (tests/support/timing_slack.h).
  add_compile_definitions(NOFADE_SANITIZED=1)
  if("undefined" IN_LIST _nofade_sanitizers)
    # Undefined behaviour aborts the test instead of printing a line nobody reads.
    add_compile_options(-fno-sanitize-recover=undefined)
  endif()
  message(STATUS "NoFADE: sanitizers ${NOFADE_SANITIZE}")
endif()

if(NOFADE_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "NOFADE_BUILD_FUZZERS needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  # Coverage for everything; only the fuzz executables link libFuzzer's main (tests/fuzz).
  add_compile_options(-fsanitize=fuzzer-no-link)
  message(STATUS "NoFADE: libFuzzer targets in tests/fuzz")
endif()
