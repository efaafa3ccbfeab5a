# liyuan_add_shaders(TARGET SOURCES ...): compiles GLSL to SPIR-V with glslc at build time and emits each module as a
# C++ include file (a comma-separated list of 32-bit words) under ${CMAKE_BINARY_DIR}/generated/shaders/, so the
# runtime embeds its shaders and never looks for files next to the executable. Headers shared by GLSL and C++ live
# in shaders/include and are tracked through glslc's depfiles.
function(liyuan_add_shaders target)
  set(out_dir ${CMAKE_BINARY_DIR}/generated/shaders)
  file(MAKE_DIRECTORY ${out_dir})
  set(outputs)
  foreach(src ${ARGN})
    get_filename_component(name ${src} NAME)
    set(out ${out_dir}/${name}.inc)
    add_custom_command(
      OUTPUT ${out}
      COMMAND Vulkan::glslc --target-env=vulkan1.3 -O -Werror -I ${PROJECT_SOURCE_DIR}/shaders/include
              -mfmt=num -MD -MF ${out}.d -o ${out} ${CMAKE_CURRENT_SOURCE_DIR}/${src}
      DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${src}
      DEPFILE ${out}.d
      COMMENT "glslc ${name}"
      VERBATIM)
    list(APPEND outputs ${out})
  endforeach()
  add_custom_target(${target}_spirv DEPENDS ${outputs})
  add_library(${target} INTERFACE)
  add_dependencies(${target} ${target}_spirv)
  target_include_directories(${target} INTERFACE ${CMAKE_BINARY_DIR}/generated ${PROJECT_SOURCE_DIR}/shaders/include)
endfunction()
