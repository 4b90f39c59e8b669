# Warnings per target, the same for every layer.
function(vw_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
    if(VW_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# Non-UI libraries: no implicit const char* -> QString conversions.
function(vw_strict_strings target)
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII)
endfunction()
