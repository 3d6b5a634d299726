// Renders a timeline as an Arabic PDF through the installed library, makes a booklet of it, and
// says which fonts and which PDF module it used (tests/cli/consumer.sh checks they come from the installed prefix).
// docs/library.md shows this program.
#include <tarikh/booklet.hpp>
#include <tarikh/tarikh.hpp>

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: consumer TIMELINE.json OUTPUT.pdf\n";
        return 2;
    }
    auto print = [](const tarikh::Diagnostics& diagnostics) {
        for (const auto& d : diagnostics) std::cerr << tarikh::format_diagnostic(d) << "\n";
    };

    tarikh::Result<tarikh::Timeline> timeline = tarikh::load_file(argv[1]);
    print(timeline.diagnostics);  // warnings come with a timeline too
    if (!timeline) return 1;

    tarikh::Result<tarikh::Renderer> renderer = tarikh::Renderer::create();  // the installed fonts
    if (!renderer) {
        print(renderer.diagnostics);
        return 3;
    }
    tarikh::RenderOptions options{
        .format = tarikh::Format::pdf,
        .view = tarikh::ChronicleView{.page = {.size = tarikh::PageSize::a4}},
        .languages = {"ar"},
    };
    tarikh::Result<tarikh::Rendered> pdf = renderer->render(*timeline, options);
    print(pdf.diagnostics);
    if (!pdf) return 3;

    std::ofstream(argv[2], std::ios::binary) << pdf->files.front() << std::flush;
    // A booklet of it: the one thing that loads the PDF module (qpdf).
    tarikh::Result<std::string> booklet = tarikh::combine_pdfs({{argv[2], "part"}}, "booklet");
    print(booklet.diagnostics);
    if (!booklet) return 3;
    std::cout << "tarikh " << tarikh::version() << "\n"
              << "fonts: " << renderer->font_folder() << "\n"
              << "module: " << tarikh::pdf_module_path() << "\n";
    return 0;
}
