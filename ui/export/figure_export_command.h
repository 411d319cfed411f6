#pragma once
// The headless figure export: `nofade --export-figures DIR [PATH...] [--figures all|KIND,...]
// [--report FILE | --models FILE] [--complexity DATASET=VALUE]... [--style screen|publication]
// [--font FAMILY] [--dpi N] [--size WxH] [--colour-by family|task|dataset] [--formats png,svg,pdf]`,
// PATH being datasets (scanned here) or saved profiles. Renders every figure with the same ui code as
// the chart tabs (FolderExport) on the offscreen platform and prints what it wrote; a clear
// message and a non-zero exit on any error.
#include <vector>
#include <QStringList>

class QCommandLineParser;

namespace nofade::ui {

class FigureExportCommand {
public:
    // Adds the options to the application's parser.
    static void addOptions(QCommandLineParser* parser);
    // True when the command line asks for it (checked before the QApplication exists, to choose
    // the offscreen platform).
    static bool requested(int argc, char** argv);
    // argv without "--style NAME" / "--style=NAME" (QApplication would take it as its widget style).
    static std::vector<char*> withoutStyle(int argc, char** argv);
    // Runs it; returns the exit code (0 ok, 1 failed, 2 bad usage).
    static int run(const QCommandLineParser& parser);
};

} // namespace nofade::ui
