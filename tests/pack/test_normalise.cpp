// normalise_model: units, axes, real-world height and pivot, on a hand-made model.
#include <gtest/gtest.h>

#include "normalise.h"

namespace liyuan::packer {
namespace {

// A 2 x 4 x 1 box (x, y, z) from (1, 1, 1), as one mesh of 8 corners.
ImportedModel box_model() {
  ImportedModel model;
  ImportedMesh mesh;
  for (int i = 0; i < 8; ++i)
    mesh.positions.push_back(vec3(1 + 2 * (i & 1), 1 + 4 * ((i >> 1) & 1), 1 + ((i >> 2) & 1)));
  mesh.normals.assign(8, vec3(0, 1, 0));
  mesh.indices = {0, 1, 2};
  model.meshes.push_back(mesh);
  model.instances.push_back(ImportedInstance{mat4(1.0f), 0});
  return model;
}

TEST(Normalise, PivotMovesTheBaseCentreToTheOrigin) {
  ImportedModel model = box_model();
  ASSERT_TRUE(normalise_model(model, {}));
  Aabb box = model_bounds(model);
  EXPECT_NEAR(box.min.y, 0.0f, 1e-6f);
  EXPECT_NEAR(box.center().x, 0.0f, 1e-6f);
  EXPECT_NEAR(box.center().z, 0.0f, 1e-6f);
  EXPECT_NEAR(box.extent().y, 4.0f, 1e-6f) << "no scaling without a height or unit";
}

TEST(Normalise, ZUpSourceStandsUpright) {
  ImportedModel model = box_model();
  NormaliseOptions options;
  options.up = "+z";
  ASSERT_TRUE(normalise_model(model, options));
  // The source's z extent (1) is now the height; its y extent (4) lies along z.
  Aabb box = model_bounds(model);
  EXPECT_NEAR(box.extent().y, 1.0f, 1e-5f);
  EXPECT_NEAR(box.extent().z, 4.0f, 1e-5f);
  EXPECT_NEAR(box.extent().x, 2.0f, 1e-5f);
}

TEST(Normalise, UnitsAndRealWorldHeight) {
  ImportedModel millimetres = box_model();
  NormaliseOptions options;
  options.unit_scale = 0.001f;
  ASSERT_TRUE(normalise_model(millimetres, options));
  EXPECT_NEAR(model_bounds(millimetres).extent().y, 0.004f, 1e-7f);

  ImportedModel sized = box_model();
  NormaliseOptions height;
  height.height = 0.3f;  // the manifest says the relic is 30 cm tall
  ASSERT_TRUE(normalise_model(sized, height));
  EXPECT_NEAR(model_bounds(sized).extent().y, 0.3f, 1e-6f);
  EXPECT_NEAR(model_bounds(sized).extent().x, 0.15f, 1e-6f) << "scaling must be uniform";
}

TEST(Normalise, FileAxesApplyWhenOptionsAreSilent) {
  ImportedModel model = box_model();
  ASSERT_TRUE(normalise_model(model, {}, SourceAxes{"+z", "", 0.01f}));  // an FBX in centimetres, Z up
  EXPECT_NEAR(model_bounds(model).extent().y, 0.01f, 1e-7f);
}

TEST(Normalise, FrontTurnsToFacePlusZ) {
  auto rotation = axis_rotation("+y", "-z");
  ASSERT_TRUE(rotation);
  vec3 front = vec3(*rotation * vec4(0, 0, -1, 0));
  EXPECT_NEAR(front.z, 1.0f, 1e-6f);
  vec3 up = vec3(*rotation * vec4(0, 1, 0, 0));
  EXPECT_NEAR(up.y, 1.0f, 1e-6f);
}

TEST(Normalise, UnknownAxisIsAnError) {
  ImportedModel model = box_model();
  NormaliseOptions options;
  options.up = "sideways";
  Status status = normalise_model(model, options);
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message.find("unknown axis 'sideways'"), std::string::npos) << status.error().message;
  options.up = "+y";
  options.front = "-y";
  EXPECT_FALSE(normalise_model(model, options)) << "front along the up axis";
}

TEST(Normalise, PointModelHasNoExtent) {
  ImportedModel model = box_model();
  model.meshes[0].positions.assign(8, vec3(1.0f));
  EXPECT_FALSE(normalise_model(model, {}));
}

}  // namespace
}  // namespace liyuan::packer
