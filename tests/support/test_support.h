#pragma once
// Shared test helpers. Fixtures are made at test time; reference numbers come from the Python
// scripts in tests/golden/ (PIL, scikit-image, SciPy), never from the code under test.
#include <cstdint>
#include <vector>
#include <opencv2/core/mat.hpp>
#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace nofade::test {

// v as 4 big-endian bytes (IDX headers, PNG chunks).
QByteArray bigEndian32(std::uint32_t v);

// Writes bytes to a file, creating parent folders. Fails the test on error (QVERIFY-style bool).
bool writeFile(const QString& path, const QByteArray& bytes);
// Encodes an image with OpenCV by extension (.png, .jpg, .bmp, ...); creates parent folders.
bool writeImage(const QString& path, const cv::Mat& image);

// A random 8-bit image with `channels` channels, deterministic for a seed.
cv::Mat randomImage(int width, int height, int channels, std::uint32_t seed);
// A smooth gradient (compresses well, entropy well below 8 bits).
cv::Mat gradientImage(int width, int height, int channels, int step);

struct ProcessResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;
};
// Runs a program to completion (timeout in ms).
ProcessResult runProcess(const QString& program, const QStringList& args, int timeoutMs = 300000);
ProcessResult runCli(const QStringList& args, int timeoutMs = 300000);
// Runs tests/golden/<script> with Debian's python3 and parses its stdout as a JSON object.
QJsonObject runReference(const QString& script, const QStringList& args, QString* error);
// The JSON object in a file (an empty object when the file is missing or not JSON).
QJsonObject readJson(const QString& path);

// Real photographs shipped by Debian packages (opencv-doc, python3-skimage).
QStringList realPhotoPaths();

} // namespace nofade::test
