# Makes the sample library's generated clips once: six 10-s clips from the held-out recordings and
# pictures (a split no model pack was trained on), with their truth. Usage:
#   cmake -DEARMARK=<earmark executable> -DOUT=<folder> -P make-sample-clips.cmake
# Without the Debian packages the clips are drawn from, it warns and leaves the folder out.
if(EXISTS ${OUT}/synth.json)
    return()
endif()
file(REMOVE_RECURSE ${OUT})
execute_process(
    COMMAND ${EARMARK} synth --seed 2026 --count 6 --split sample --out ${OUT} --quiet
    RESULT_VARIABLE result
    ERROR_VARIABLE error)
if(NOT result EQUAL 0)
    file(REMOVE_RECURSE ${OUT})
    message(WARNING "The sample library's generated clips were not made: ${error}")
endif()
