#include "inspector/image_analysis.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <QLocale>

#include "imaging/gray_histogram.h"

namespace nofade::ui {

namespace {
QImage toQImage(const cv::Mat& m)
{
    if (m.type() == CV_8UC1)
        return QImage(m.data, m.cols, m.rows, int(m.step), QImage::Format_Grayscale8).copy();
    cv::Mat rgb;
    if (m.channels() == 4)
        cv::cvtColor(m, rgb, cv::COLOR_BGRA2RGB);
    else if (m.channels() == 3)
        cv::cvtColor(m, rgb, cv::COLOR_BGR2RGB);
    else
        return {};
    if (rgb.depth() != CV_8U)
        rgb.convertTo(rgb, CV_8U, 1.0 / 257.0);
    return QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step), QImage::Format_RGB888).copy();
}
} // namespace

int ImageAnalysis::nonEmptyBins() const
{
    return int(std::count_if(histogram.begin(), histogram.end(), [](std::uint64_t c) { return c > 0; }));
}

QString ImageAnalysis::formulaHtml(int termsShown) const
{
    if (!ok() || pixels == 0)
        return {};
    struct Term {
        int level;
        std::uint64_t count;
        double p;
        double term;
    };
    std::vector<Term> terms;
    for (int i = 0; i < 256; ++i)
        if (histogram[std::size_t(i)] > 0) {
            const double p = double(histogram[std::size_t(i)]) / double(pixels);
            terms.push_back({i, histogram[std::size_t(i)], p, -p * std::log2(p)});
        }
    std::sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) { return a.term > b.term; });
    const QLocale l;
    QString html = QStringLiteral("<p><b>H = &minus;&Sigma;<sub>i</sub> p<sub>i</sub> log<sub>2</sub> p<sub>i</sub></b>, "
                                  "p<sub>i</sub> = n<sub>i</sub> / N over the 256 grey levels i, empty levels skipped.</p>");
    html += QStringLiteral("<p>N = %1 pixels, %2 non-empty levels. Largest terms:</p><table cellspacing=0 cellpadding=3>"
                           "<tr><th align=right>&nbsp;level i&nbsp;</th><th align=right>&nbsp;n<sub>i</sub>&nbsp;</th><th align=right>&nbsp;p<sub>i</sub>&nbsp;</th>"
                           "<th align=right>&nbsp;&minus;p<sub>i</sub> log<sub>2</sub> p<sub>i</sub></th></tr>")
                .arg(l.toString(qulonglong(pixels)))
                .arg(terms.size());
    double shown = 0.0;
    for (int k = 0; k < int(terms.size()) && k < termsShown; ++k) {
        const Term& t = terms[std::size_t(k)];
        html += QStringLiteral("<tr><td align=right>%1</td><td align=right>%2</td><td align=right>%3</td>"
                               "<td align=right>%4</td></tr>")
                    .arg(t.level)
                    .arg(l.toString(qulonglong(t.count)))
                    .arg(t.p, 0, 'f', 4)
                    .arg(t.term, 0, 'f', 4);
        shown += t.term;
    }
    html += QStringLiteral("</table>");
    const int rest = int(terms.size()) - std::min(int(terms.size()), termsShown);
    if (rest > 0)
        html += QStringLiteral("<p>+ %1 more terms = %2</p>").arg(rest).arg(entropy - shown, 0, 'f', 4);
    html += QStringLiteral("<p><b>H = %1 bits</b> (of at most log<sub>2</sub> %2 = %3 bits for these levels, 8 for any image)</p>")
                .arg(entropy, 0, 'f', 4)
                .arg(terms.size())
                .arg(std::log2(double(std::max<std::size_t>(1, terms.size()))), 0, 'f', 3);
    return html;
}

ImageAnalysis analyseDecoded(const cv::Mat& decoded)
{
    ImageAnalysis a;
    if (decoded.empty()) {
        a.error = QStringLiteral("empty image");
        return a;
    }
    const cv::Mat gray = toGray8(decoded);
    if (gray.empty() || gray.type() != CV_8UC1) {
        a.error = QStringLiteral("cannot convert to 8-bit greyscale");
        return a;
    }
    for (int r = 0; r < gray.rows; ++r) {
        const std::uint8_t* row = gray.ptr<std::uint8_t>(r);
        for (int c = 0; c < gray.cols; ++c)
            ++a.histogram[row[c]];
    }
    a.pixels = std::uint64_t(gray.total());
    a.entropy = shannonEntropyBits(a.histogram);
    a.colour = toQImage(decoded);
    a.gray = toQImage(gray);
    return a;
}

ImageAnalysis analyseImage(const DatasetSource& source, std::int64_t item, const DecodeLimits& limits)
{
    const DecodedImage d = source.loadForDisplay(item, limits);
    if (!d.ok()) {
        ImageAnalysis a;
        a.error = QStringLiteral("%1: %2").arg(source.itemPath(item).text, d.error.isEmpty() ? QStringLiteral("cannot be decoded") : d.error);
        return a;
    }
    return analyseDecoded(d.image);
}

} // namespace nofade::ui
