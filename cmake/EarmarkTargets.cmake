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

# earmark_add_postgresql_variant(<test> [ARGS...]): runs the test executable <test> a second time,
# as <test>_postgresql, against the throwaway PostgreSQL server that tools/pg-test-server starts
# on loopback (CTest fixture "postgresql", started once before the first such test and stopped
# after the last). The test finds the server through EARMARK_TEST_POSTGRESQL_DIR and skips with
# the script's reason when none could start. Nothing happens when EARMARK_POSTGRESQL_TESTS is OFF.
function(earmark_add_postgresql_variant name)
    if(NOT EARMARK_POSTGRESQL_TESTS)
        return()
    endif()
    set(dir ${PROJECT_BINARY_DIR}/pg-test)
    get_property(fixture GLOBAL PROPERTY EARMARK_POSTGRESQL_FIXTURE)
    if(NOT fixture)
        set_property(GLOBAL PROPERTY EARMARK_POSTGRESQL_FIXTURE ON)
        add_test(NAME postgresql_server_start
            COMMAND ${PROJECT_SOURCE_DIR}/tools/pg-test-server start ${dir})
        add_test(NAME postgresql_server_stop
            COMMAND ${PROJECT_SOURCE_DIR}/tools/pg-test-server stop ${dir})
        set_tests_properties(postgresql_server_start PROPERTIES
            FIXTURES_SETUP postgresql TIMEOUT 120 LABELS postgresql)
        set_tests_properties(postgresql_server_stop PROPERTIES
            FIXTURES_CLEANUP postgresql TIMEOUT 60 LABELS postgresql)
    endif()
    get_test_property(${name} ENVIRONMENT env)
    get_test_property(${name} TIMEOUT timeout)
    add_test(NAME ${name}_postgresql COMMAND ${name} ${ARGN})
    set_tests_properties(${name}_postgresql PROPERTIES
        ENVIRONMENT "${env};EARMARK_TEST_POSTGRESQL_DIR=${dir}"
        FIXTURES_REQUIRED postgresql
        TIMEOUT ${timeout}
        LABELS postgresql)
endfunction()
