# Helpers shared by every part of the tree.

# Compile settings every Earmark target gets.
function(earmark_target_defaults target)
    target_compile_features(${target} PUBLIC cxx_std_20)
    target_compile_definitions(${target} PUBLIC
        QT_NO_KEYWORDS
        QT_NO_CAST_FROM_BYTEARRAY
        QT_DISABLE_DEPRECATED_BEFORE=0x060400)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
endfunction()

# earmark_add_library(<name> SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
# A static library for one part of the tree (core/base, core/media, ...).
function(earmark_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    earmark_target_defaults(${name})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
endfunction()

# earmark_add_test(<name> SOURCES ... LIBS ... [GUI] [TIMEOUT s] [LABELS ...] [ARGS ...])
# A QtTest executable registered with CTest. GUI tests run on the offscreen platform.
# Tests find the source tree and ../shared through EARMARK_SOURCE_DIR / EARMARK_SHARED_DIR.
function(earmark_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBS;LABELS;ARGS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    earmark_target_defaults(${name})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        EARMARK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        EARMARK_BINARY_DIR="${PROJECT_BINARY_DIR}"
        EARMARK_SHARED_DIR="${EARMARK_SHARED_DIR}")
    add_test(NAME ${name} COMMAND ${name} ${ARG_ARGS})
    set(env "QT_MEDIA_BACKEND=ffmpeg" "QT_QPA_PLATFORM=offscreen" "QT_LOGGING_RULES=qt.multimedia.*=false")
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "${env}"
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}")
endfunction()
