#include "test_support.h"

#include <random>
#include <opencv2/imgcodecs.hpp>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>

namespace nofade::test {

QByteArray bigEndian32(std::uint32_t v)
{
    QByteArray b;
    for (int s = 24; s >= 0; s -= 8)
        b.append(char((v >> s) & 0xFF));
    return b;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

bool writeImage(const QString& path, const cv::Mat& image)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    return cv::imwrite(QFile::encodeName(path).toStdString(), image);
}

cv::Mat randomImage(int width, int height, int channels, std::uint32_t seed)
{
    cv::Mat m(height, width, CV_8UC(channels));
    std::mt19937 rng(seed);
    for (std::size_t i = 0; i < m.total() * std::size_t(channels); ++i)
        m.data[i] = static_cast<std::uint8_t>(rng() & 0xFF);
    return m;
}

cv::Mat gradientImage(int width, int height, int channels, int step)
{
    cv::Mat m(height, width, CV_8UC(channels));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c)
                m.ptr<std::uint8_t>(y)[x * channels + c] =
                    static_cast<std::uint8_t>(((x + 2 * y) * step + 37 * c) & 0xFF);
    return m;
}

ProcessResult runProcess(const QString& program, const QStringList& args, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(10000))
        return r;
    p.closeWriteChannel();
    r.finished = p.waitForFinished(timeoutMs);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

ProcessResult runCli(const QStringList& args, int timeoutMs)
{
    return runProcess(QStringLiteral(NOFADE_CLI_PATH), args, timeoutMs);
}

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject runReference(const QString& script, const QStringList& args, QString* error)
{
    const ProcessResult r = runProcess(QStringLiteral(NOFADE_REFERENCE_PYTHON),
                                       QStringList{QStringLiteral(NOFADE_TESTS_DIR "/golden/") + script} + args);
    if (!r.finished || r.exitCode != 0) {
        *error = QStringLiteral("%1 failed (exit %2): %3").arg(script).arg(r.exitCode).arg(QString::fromUtf8(r.err));
        return {};
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("%1 printed no JSON object: %2").arg(script, parseError.errorString());
        return {};
    }
    return doc.object();
}

QStringList realPhotoPaths()
{
    QStringList paths;
    const QDir opencv(QStringLiteral("/usr/share/doc/opencv-doc/examples/data"));
    for (const QString& name : opencv.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files, QDir::Name))
        paths << opencv.filePath(name);
    const QDir skimage(QStringLiteral("/usr/lib/python3/dist-packages/skimage/data"));
    for (const QString& name : skimage.entryList({QStringLiteral("*.png"), QStringLiteral("*.jpg")}, QDir::Files, QDir::Name))
        paths << skimage.filePath(name);
    return paths;
}

} // namespace nofade::test
