#pragma once
// What every nofade-cli command shares: exit codes, message streams, atomic output files.
#include <functional>
#include <QByteArray>
#include <QIODevice>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace nofade::cli {

enum ExitCode { kOk = 0, kFailed = 1, kUsage = 2, kInterrupted = 130 };

void printOut(const QString& text); // stdout, UTF-8
void printErr(const QString& text); // stderr, UTF-8
bool stderrIsTerminal();

// The parser's help with its usage line naming the command ("Usage: nofade-cli scan ..."), not
// the path the program was started by.
QString commandHelp(const QCommandLineParser& parser, const QString& command);

// Writes `bytes` to `path` atomically (the previous file stays intact if anything fails), or to
// stdout for "-". False with `error` naming the path and the reason.
bool writeOutput(const QString& path, const QByteArray& bytes, QString* error);

// The same, for output made as it is written (`write` returns false when a write failed), so a
// large document never has to be held in memory whole.
bool writeOutputStreamed(const QString& path, const std::function<bool(QIODevice&)>& write, QString* error);

// Reads a whole file; false with `error` naming the path and the reason.
bool readInput(const QString& path, QByteArray* bytes, QString* error);

} // namespace nofade::cli
