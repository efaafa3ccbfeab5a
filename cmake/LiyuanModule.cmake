# liyuan_warnings(TARGET): the project's warning set (-Wall -Wextra -Wshadow, -Werror with LIYUAN_WERROR).
function(liyuan_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wno-missing-field-initializers)
  if(LIYUAN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# liyuan_add_module(NAME SOURCES ... DEPS ...): a static library liyuan_NAME (alias liyuan::NAME) whose
# public include root is runtime/, so code includes "core/error.h", "gpu/context.h" and so on.
function(liyuan_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(liyuan_${name} STATIC ${ARG_SOURCES})
  add_library(liyuan::${name} ALIAS liyuan_${name})
  target_include_directories(liyuan_${name} PUBLIC ${PROJECT_SOURCE_DIR}/runtime)
  target_link_libraries(liyuan_${name} PUBLIC ${ARG_DEPS})
  liyuan_warnings(liyuan_${name})
endfunction()
