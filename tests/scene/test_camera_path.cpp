#include "scene/camera_path.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "scene/spline.h"

namespace liyuan::scene {
namespace {

// Viewpoints spaced very unevenly (1 m, then 8 m, then 2 m), with a bend: a spline's own parameter would race
// through the long segment and crawl through the short ones.
std::vector<CameraKey> uneven_keys() {
  std::vector<CameraKey> keys(4);
  keys[0].position = vec3(0, 1.6f, 0);
  keys[1].position = vec3(1, 1.6f, 0);
  keys[2].position = vec3(1, 1.6f, -8);
  keys[3].position = vec3(3, 1.6f, -8);
  keys[0].rotation = glm::angleAxis(0.0f, vec3(0, 1, 0));
  keys[3].rotation = glm::angleAxis(glm::radians(90.0f), vec3(0, 1, 0));
  keys[1].rotation = keys[2].rotation = keys[0].rotation;
  keys[0].fov_degrees = 60.0f;
  keys[3].fov_degrees = 80.0f;
  keys[1].fov_degrees = keys[2].fov_degrees = 60.0f;
  return keys;
}

// Distances between consecutive positions; returns (min, max) relative to their mean.
std::pair<double, double> spread(const std::vector<vec3>& positions) {
  std::vector<double> steps;
  for (size_t i = 1; i < positions.size(); ++i) steps.push_back(glm::length(positions[i] - positions[i - 1]));
  double mean = 0.0;
  for (double s : steps) mean += s;
  mean /= static_cast<double>(steps.size());
  auto [lo, hi] = std::minmax_element(steps.begin(), steps.end());
  return {*lo / mean, *hi / mean};
}

TEST(CameraPath, EqualTimeStepsCoverEqualDistances) {
  CameraPath path = make_camera_path(uneven_keys(), true);
  std::vector<vec3> positions;
  for (int i = 0; i <= 200; ++i) positions.push_back(sample_camera_path(path, i / 200.0).position);
  auto [lo, hi] = spread(positions);
  EXPECT_GT(lo, 0.99) << "a step is more than 1 % shorter than the mean";
  EXPECT_LT(hi, 1.01) << "a step is more than 1 % longer than the mean";
  // The same path sampled by its spline parameter is far from steady: the table is what makes the difference.
  std::vector<vec3> by_parameter;
  for (int i = 0; i <= 200; ++i) by_parameter.push_back(camera_path_point(path, 3.0f * static_cast<float>(i) / 200.0f));
  auto [plo, phi] = spread(by_parameter);
  EXPECT_LT(plo, 0.5);
  EXPECT_GT(phi, 1.5);
}

TEST(CameraPath, StraightPathsAreSteadyToo) {
  CameraPath path = make_camera_path(uneven_keys(), false);
  EXPECT_NEAR(path.length, 1.0f + 8.0f + 2.0f, 1e-4f);
  std::vector<vec3> positions;
  for (int i = 0; i <= 110; ++i) positions.push_back(sample_camera_path(path, i / 110.0).position);
  auto [lo, hi] = spread(positions);
  EXPECT_GT(lo, 0.99);
  EXPECT_LT(hi, 1.01);
  vec3 at_one_eleventh = sample_camera_path(path, 1.0 / 11.0).position;  // exactly the second viewpoint
  EXPECT_NEAR(glm::length(at_one_eleventh - vec3(1, 1.6f, 0)), 0.0f, 1e-4f);
}

TEST(CameraPath, PassesThroughEveryViewpointWithItsOrientationAndFov) {
  auto keys = uneven_keys();
  CameraPath path = make_camera_path(keys, true);
  CameraPose start = sample_camera_path(path, 0.0);
  CameraPose end = sample_camera_path(path, 1.0);
  EXPECT_NEAR(glm::length(start.position - keys[0].position), 0.0f, 1e-5f);
  EXPECT_NEAR(glm::length(end.position - keys[3].position), 0.0f, 1e-5f);
  EXPECT_NEAR(std::abs(glm::dot(end.rotation, keys[3].rotation)), 1.0f, 1e-5f);
  EXPECT_FLOAT_EQ(start.fov_degrees, 60.0f);
  EXPECT_FLOAT_EQ(end.fov_degrees, 80.0f);
  // The middle viewpoints lie on the curve.
  for (size_t k = 1; k <= 2; ++k) {
    float closest = 1e9f;
    for (int i = 0; i <= 2000; ++i) {
      closest = std::min(closest, glm::length(sample_camera_path(path, i / 2000.0).position - keys[k].position));
    }
    EXPECT_LT(closest, 0.01f) << "viewpoint " << k;
  }
  // Orientation turns only in the last segment, and halfway along it (by distance) it is halfway round.
  CameraPath straight = make_camera_path(keys, false);
  CameraPose middle_of_last = sample_camera_path(straight, 10.0 / 11.0);  // 1 m before the end of the 2 m segment
  EXPECT_NEAR(glm::degrees(glm::angle(middle_of_last.rotation)), 45.0f, 0.01f);
  EXPECT_FLOAT_EQ(middle_of_last.fov_degrees, 70.0f);
  EXPECT_NEAR(glm::degrees(glm::angle(sample_camera_path(straight, 0.5).rotation)), 0.0f, 0.01f);
}

TEST(CameraPath, CentripetalSegmentsStayNearTheirChord) {
  // Two close points between two far ones: uniform Catmull-Rom overshoots and loops here; centripetal does not.
  vec3 p0(-10, 0, 0), p1(0, 0, 0), p2(0.1f, 0, 0), p3(10, 0, 5);
  for (int i = 0; i <= 20; ++i) {
    vec3 p = centripetal_catmull_rom(p0, p1, p2, p3, static_cast<float>(i) / 20.0f);
    EXPECT_GE(p.x, -0.01f);
    EXPECT_LE(p.x, 0.11f);
  }
}

TEST(CameraPath, OneViewpointIsAFixedPose) {
  std::vector<CameraKey> keys(1);
  keys[0].position = vec3(1, 2, 3);
  CameraPath path = make_camera_path(keys, true);
  EXPECT_EQ(sample_camera_path(path, 0.7).position, vec3(1, 2, 3));
}

}  // namespace
}  // namespace liyuan::scene
