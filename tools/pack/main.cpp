// liyuan-pack: the content tool's command line. Exit codes: 0 ok, 1 bad input or failed check, 2 usage error.
#include "importer.h"
#include "inspect.h"
#include "pack_builder.h"
#include "pack_writer.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <string>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

int report(const liyuan::Error& error) {
  fmt::print(stderr, "liyuan-pack: error: {}\n", error.to_string());
  return kExitFailed;
}

struct PackArgs {
  std::string model;
  std::string output;
  std::string base_color;
  uint32_t max_texture_size = 2048;
};

int run_pack(const PackArgs& args) {
  liyuan::packer::ImportOptions import_options;
  import_options.base_color = args.base_color;
  auto model = liyuan::packer::import_model(args.model, import_options);
  if (!model) return report(model.error());
  liyuan::packer::PackOptions pack_options;
  pack_options.max_texture_size = args.max_texture_size;
  auto built = liyuan::packer::build_pack(*model, pack_options);
  if (!built) return report(built.error());
  if (auto status = liyuan::packer::write_pack_file(args.output, built->bytes); !status) return report(status.error());
  fmt::print("{}: {} meshes, {} triangles, {} vertices, {} textures, {} instances, {} bytes\n", args.output,
             model->meshes.size(), built->triangles, built->vertices, built->textures, model->instances.size(),
             built->bytes.size());
  return kExitOk;
}

int run_inspect(const std::string& pack, bool json) {
  auto report_json = liyuan::packer::inspect_pack(pack);
  if (!report_json) return report(report_json.error());
  if (json) {
    fmt::print("{}\n", report_json->dump(2));
  } else {
    fmt::print("{}", liyuan::packer::format_inspection(*report_json));
  }
  return kExitOk;
}

int run_verify(const std::string& pack) {
  auto chunks = liyuan::packer::verify_pack(pack);
  if (!chunks) return report(chunks.error());
  fmt::print("{}: ok ({} chunks)\n", pack, *chunks);
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"liyuan-pack: builds, inspects and verifies Liyuan .lypak files.\n"
               "Exit codes: 0 ok, 1 bad input or failed check, 2 usage error."};
  app.require_subcommand(1);

  PackArgs pack_args;
  CLI::App* pack = app.add_subcommand("pack", "Import a model (any format Assimp reads) and write a .lypak");
  pack->add_option("MODEL", pack_args.model, "Model file: glTF, GLB, OBJ, PLY, FBX, ...")->required();
  pack->add_option("-o,--output", pack_args.output, "The .lypak to write (replaced atomically)")->required();
  pack->add_option("--base-color", pack_args.base_color, "Use IMAGE as every material's base colour texture");
  pack->add_option("--max-texture-size", pack_args.max_texture_size, "Scale larger textures down to this many pixels")
      ->check(CLI::Range(1u, 32768u))
      ->capture_default_str();

  std::string inspect_path;
  bool inspect_json = false;
  CLI::App* inspect = app.add_subcommand("inspect", "Print a pack's header, chunks and contents");
  inspect->add_option("PACK", inspect_path, "The .lypak to inspect")->required();
  inspect->add_flag("--json", inspect_json, "Print one JSON document instead of text");

  std::string verify_path;
  CLI::App* verify = app.add_subcommand("verify", "Check every checksum and structure; exit 1 naming the bad chunk");
  verify->add_option("PACK", verify_path, "The .lypak to verify")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (*pack) return run_pack(pack_args);
  if (*inspect) return run_inspect(inspect_path, inspect_json);
  if (*verify) return run_verify(verify_path);
  return kExitUsage;
}
