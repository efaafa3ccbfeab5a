// Units, axes and pivot; see normalise.h.
#include "normalise.h"

#include <cmath>

namespace liyuan::packer {
namespace {

Result<vec3> axis_vector(const std::string& name) {
  if (name == "+x" || name == "x") return vec3(1, 0, 0);
  if (name == "-x") return vec3(-1, 0, 0);
  if (name == "+y" || name == "y") return vec3(0, 1, 0);
  if (name == "-y") return vec3(0, -1, 0);
  if (name == "+z" || name == "z") return vec3(0, 0, 1);
  if (name == "-z") return vec3(0, 0, -1);
  return make_error("unknown axis '" + name + "' (expected +x, -x, +y, -y, +z or -z)");
}

}  // namespace

Result<mat4> axis_rotation(const std::string& up, const std::string& front) {
  auto up_axis = axis_vector(up.empty() ? "+y" : up);
  if (!up_axis) return up_axis.error();
  auto front_axis = axis_vector(front.empty() ? "+z" : front);
  if (!front_axis) return front_axis.error();
  if (std::abs(glm::dot(*up_axis, *front_axis)) > 0.5f)
    return make_error("the front axis '" + front + "' cannot be the up axis '" + up + "' or its opposite");
  // Columns: where the source's axes go. Source up → +Y, source front → +Z, and X completes a right-handed frame.
  mat3 to_source(glm::cross(*up_axis, *front_axis), *up_axis, *front_axis);
  return mat4(glm::transpose(to_source));
}

Aabb model_bounds(const ImportedModel& model) {
  Aabb box;
  for (const ImportedInstance& instance : model.instances) {
    const ImportedMesh& mesh = model.meshes[instance.mesh];
    for (const vec3& p : mesh.positions) box.expand(vec3(instance.world_from_mesh * vec4(p, 1.0f)));
  }
  return box;
}

Status normalise_model(ImportedModel& model, const NormaliseOptions& options, const SourceAxes& file_axes) {
  std::string up = !options.up.empty() ? options.up : file_axes.up;
  std::string front = !options.front.empty() ? options.front : file_axes.front;
  if (front.empty()) {
    // Default front: the source's +Z, or, for a Z-up source, its -Y (the convention of Z-up tools).
    front = (up == "+z" || up == "z") ? "-y" : (up == "-z") ? "+y" : "+z";
  }
  auto rotation = axis_rotation(up, front);
  if (!rotation) return rotation.error();
  float unit = options.unit_scale > 0.0f ? options.unit_scale : file_axes.unit_scale > 0.0f ? file_axes.unit_scale : 1.0f;
  mat4 transform = glm::scale(mat4(1.0f), vec3(unit)) * *rotation;
  for (ImportedInstance& instance : model.instances) instance.world_from_mesh = transform * instance.world_from_mesh;

  Aabb box = model_bounds(model);
  if (box.empty() || !(glm::length(box.extent()) > 0.0f) || !std::isfinite(glm::length(box.extent())))
    return make_error("the model has no extent (every vertex at one point)");
  mat4 fit(1.0f);
  if (options.height > 0.0f) {
    float height = box.extent().y;
    if (height <= 0.0f) return make_error("the model is flat along its up axis: it has no height to scale to");
    fit = glm::scale(mat4(1.0f), vec3(options.height / height));
    box = Aabb{vec3(fit * vec4(box.min, 1.0f)), vec3(fit * vec4(box.max, 1.0f))};
  }
  if (options.pivot_at_base) {
    vec3 base(box.center().x, box.min.y, box.center().z);
    fit = glm::translate(mat4(1.0f), -base) * fit;
  }
  for (ImportedInstance& instance : model.instances) instance.world_from_mesh = fit * instance.world_from_mesh;
  model.model_from_source = fit * transform * model.model_from_source;
  return {};
}

}  // namespace liyuan::packer
