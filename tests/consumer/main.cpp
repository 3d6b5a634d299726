// Renders a timeline given on the command line as SVG to stdout, through the installed library.
#include <tarikh/tarikh.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    tarikh::ParseResult parsed = tarikh::load_file(argv[1]);
    for (const auto& d : parsed.diagnostics) std::cerr << tarikh::format_diagnostic(d) << "\n";
    if (!parsed.timeline) return 1;
    tarikh::Renderer renderer;  // finds the installed fonts
    tarikh::RenderOptions options;
    options.format = tarikh::Format::svg;
    options.lang = "ar";
    tarikh::Rendered out = renderer.render(*parsed.timeline, options);
    if (!out.bytes) return 3;
    std::cout << *out.bytes;
    return 0;
}
