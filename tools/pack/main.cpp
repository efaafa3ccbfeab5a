// liyuan-pack: the content tool's command line. Exit codes: 0 ok, 1 bad input or failed check, 2 usage error.
#include "inspect.h"
#include "job_pool.h"
#include "pack_pipeline.h"
#include "pack_summary.h"
#include "pack_writer.h"
#include "relic_cache.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

int report(const liyuan::Error& error) {
  fmt::print(stderr, "liyuan-pack: error: {}\n", error.to_string());
  return kExitFailed;
}

struct PackArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string base_color;
  uint32_t max_texture_size = 4096;
  std::string target = "desktop";
  unsigned jobs = 0;
  std::string cache;
  bool no_cache = false;
  std::string report_json;
  bool quiet = false;
  bool allow_missing = false;
};

int run_pack(const PackArgs& args) {
  namespace packer = liyuan::packer;
  packer::PipelineOptions options;
  options.textures.max_texture_size = args.max_texture_size;
  if (!packer::parse_texture_target(args.target, options.textures.target)) {
    fmt::print(stderr, "liyuan-pack: error: --target must be desktop, mobile or rgba8, not '{}'\n", args.target);
    return kExitUsage;
  }
  options.import.base_color = args.base_color;
  options.allow_missing = args.allow_missing;
  options.jobs = args.jobs == 0 ? packer::default_jobs() : args.jobs;
  const std::filesystem::path output(args.output);
  if (!args.no_cache) {
    options.cache = args.cache.empty() ? output.parent_path() / ".liyuan-cache" : std::filesystem::path(args.cache);
    options.fingerprint = packer::tool_fingerprint();
  }
  packer::Progress progress(stderr, -1, args.quiet);
  options.progress = &progress;
  std::vector<std::filesystem::path> inputs(args.inputs.begin(), args.inputs.end());
  auto run = packer::pack_inputs(inputs, options);
  progress.finish();
  if (!run) return report(run.error());
  if (auto status = packer::write_pack_file(output, run->bytes); !status) return report(status.error());
  if (!args.report_json.empty()) {
    std::ofstream out(args.report_json, std::ios::binary | std::ios::trunc);
    out << packer::report_json(run->report, args.output).dump(2) << "\n";
    if (!out) return report(liyuan::make_error(args.report_json + ": cannot write the report"));
  }
  if (!args.quiet) fmt::print("{}", packer::format_summary(run->report, args.output));
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
  CLI::App* pack = app.add_subcommand(
      "pack", "Pack a model (any format Assimp reads), relic manifests, or an exhibition file into a .lypak");
  pack->add_option("INPUT", pack_args.inputs,
                   "A model file (glTF, GLB, OBJ, PLY, FBX, ...), relic manifests (.yaml/.json), or one exhibition file")
      ->required();
  pack->add_option("-o,--output", pack_args.output, "The .lypak to write (replaced atomically)")->required();
  pack->add_option("--base-color", pack_args.base_color, "Use IMAGE as every material's base colour texture");
  pack->add_option("--max-texture-size", pack_args.max_texture_size, "Scale larger textures down to this many pixels")
      ->check(CLI::Range(1u, 32768u))
      ->capture_default_str();
  pack->add_option("--target", pack_args.target,
                   "Texture formats: desktop (BC1/BC3/BC4/BC5), mobile (ASTC, standalone headsets), rgba8")
      ->capture_default_str();
  pack->add_option("-j,--jobs", pack_args.jobs, "Threads (default: the number of CPUs); the output does not depend on it")
      ->check(CLI::Range(1u, 1024u));
  pack->add_option("--cache", pack_args.cache, "Cache folder for processed relics (default: .liyuan-cache next to the output)");
  pack->add_flag("--no-cache", pack_args.no_cache, "Neither read nor write the relic cache");
  pack->add_option("--report-json", pack_args.report_json, "Also write the summary as JSON to FILE");
  pack->add_flag("--allow-missing", pack_args.allow_missing,
                 "Leave out relics that cannot be packed (with a warning) instead of failing: the show places a "
                 "placeholder");
  pack->add_flag("-q,--quiet", pack_args.quiet, "No progress and no summary (warnings and errors still print)");

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
