// site_test.cpp: render/site.h: the files of the site, its manifest, and
// the timeline chart (issue 18).
#include "plan/render/site.h"

#include <catch2/catch.hpp>
#include <set>

#include "plan/load.h"

namespace {

using namespace plan;

const LoadResult& plan_2021() {
  static const LoadResult r =
      load_plan_file(std::string(PLAN_SOURCE_DIR) + "/plans/participacion-2021.yaml");
  return r;
}

}  // namespace

TEST_CASE("site: the manifest lists every file and reads back", "[site]") {
  SiteOptions o;
  o.as_of = Date{2021, 9, 30};
  const std::vector<SiteFile> files = render_site({&plan_2021().plan}, o);
  std::set<std::string> paths;
  for (const SiteFile& f : files) {
    CHECK(f.path.front() != '/');
    CHECK(f.path.find("..") == std::string::npos);
    paths.insert(f.path);
  }
  CHECK(paths.size() == files.size());
  // By 30 September: T1, C1, T2, C2 and T3 have ended, T4 and C3 not.
  CHECK(paths.count("participacion-2021/T3.html") == 1);
  CHECK(paths.count("participacion-2021/C3.html") == 0);
  const auto manifest = std::find_if(files.begin(), files.end(),
                                     [](const SiteFile& f) { return f.path == kSiteManifest; });
  REQUIRE(manifest != files.end());
  const auto listed = parse_site_manifest(manifest->bytes);
  REQUIRE(listed);
  CHECK(std::set<std::string>(listed->begin(), listed->end()) == paths);
  // Same inputs, same bytes.
  const std::vector<SiteFile> again = render_site({&plan_2021().plan}, o);
  REQUIRE(again.size() == files.size());
  for (size_t i = 0; i < files.size(); ++i) CHECK(again[i].bytes == files[i].bytes);
}

TEST_CASE("site: a manifest names nothing outside the site", "[site]") {
  CHECK_FALSE(parse_site_manifest("index.html\n"));
  const auto paths = parse_site_manifest(
      "# plan site: the files plan wrote here\nindex.html\n../x\n/etc/passwd\na/../../y\n"
      "a/b.html\n..\n\n");
  REQUIRE(paths);
  CHECK(*paths == std::vector<std::string>{"index.html", "a/b.html"});
}

TEST_CASE("site: the chart has a bar per activity and a title", "[site]") {
  const PlanState st = derive_plan(plan_2021().plan, Date{2021, 6, 30});
  const std::string svg = render_timeline_svg(st, Language::es);
  size_t bars = 0;
  for (size_t at = svg.find("<g><title>"); at != std::string::npos;
       at = svg.find("<g><title>", at + 1))
    ++bars;
  CHECK(bars == 14);
  CHECK(svg.find("role=\"img\"") != std::string::npos);
  CHECK(svg.find("<title id=\"chart-title\">Cronograma: ") != std::string::npos);
  CHECK(svg.find("stroke-dasharray") != std::string::npos);  // the as-of line
}
