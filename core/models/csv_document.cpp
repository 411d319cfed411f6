#include "models/csv_document.h"

#include <QStringDecoder>

namespace nofade {

namespace {

bool needsQuotes(const QString& text)
{
    return text.startsWith(QLatin1Char('"')) || text.contains(QLatin1Char(','))
           || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
}

void appendCell(QString& out, const CsvCell& cell)
{
    if (cell.quoted || needsQuotes(cell.text)) {
        out += QLatin1Char('"');
        QString escaped = cell.text;
        escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
        out += escaped;
        out += QLatin1Char('"');
    } else {
        out += cell.text;
    }
}

class Parser {
public:
    explicit Parser(const QString& text) : m_text(text) {}

    void run(CsvDocument& doc)
    {
        const qsizetype n = m_text.size();
        if (n == 0)
            return;
        CsvRecord record;
        record.line = m_line;
        while (m_pos <= n) {
            CsvCell cell = readCell(doc);
            record.cells.append(cell);
            if (m_pos >= n) { // end of text: the last record has no terminator
                doc.records.append(record);
                return;
            }
            const QChar c = m_text.at(m_pos);
            if (c == QLatin1Char(',')) {
                ++m_pos;
                if (m_pos == n) { // trailing comma at end of file: one more empty cell
                    record.cells.append(CsvCell{});
                    doc.records.append(record);
                    return;
                }
                continue;
            }
            // a line ending
            if (c == QLatin1Char('\r') && m_pos + 1 < n && m_text.at(m_pos + 1) == QLatin1Char('\n')) {
                record.terminator = QStringLiteral("\r\n");
                m_pos += 2;
            } else {
                record.terminator = QString(c);
                ++m_pos;
            }
            ++m_line;
            doc.records.append(record);
            if (m_pos >= n)
                return;
            record = CsvRecord{};
            record.line = m_line;
        }
    }

private:
    CsvCell readCell(CsvDocument& doc)
    {
        CsvCell cell;
        const qsizetype n = m_text.size();
        if (m_pos < n && m_text.at(m_pos) == QLatin1Char('"')) {
            cell.quoted = true;
            const int startLine = m_line;
            ++m_pos;
            bool closed = false;
            while (m_pos < n) {
                const QChar c = m_text.at(m_pos);
                if (c == QLatin1Char('"')) {
                    if (m_pos + 1 < n && m_text.at(m_pos + 1) == QLatin1Char('"')) {
                        cell.text += QLatin1Char('"');
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    closed = true;
                    break;
                }
                if (c == QLatin1Char('\n') || (c == QLatin1Char('\r') && !(m_pos + 1 < n && m_text.at(m_pos + 1) == QLatin1Char('\n'))))
                    ++m_line;
                cell.text += c;
                ++m_pos;
            }
            if (!closed) {
                doc.problems.append({startLine, QStringLiteral("a quoted field opened here is never closed")});
                return cell;
            }
            // Text between the closing quote and the next delimiter is malformed: keep it.
            const qsizetype start = m_pos;
            while (m_pos < n && !isDelimiter(m_text.at(m_pos)))
                ++m_pos;
            if (m_pos > start) {
                doc.problems.append({m_line, QStringLiteral("text after a closing quote: \"%1\"")
                                                 .arg(m_text.mid(start, m_pos - start))});
                cell.text += m_text.mid(start, m_pos - start);
                cell.quoted = false; // cannot be reproduced as quoted; written as plain text
            }
            return cell;
        }
        const qsizetype start = m_pos;
        while (m_pos < n && !isDelimiter(m_text.at(m_pos)))
            ++m_pos;
        cell.text = m_text.mid(start, m_pos - start);
        return cell;
    }

    static bool isDelimiter(QChar c)
    {
        return c == QLatin1Char(',') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
    }

    const QString& m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace

bool CsvRecord::isBlank() const
{
    return cells.size() == 1 && !cells.first().quoted && cells.first().text.isEmpty();
}

CsvDocument parseCsv(const QByteArray& bytes)
{
    CsvDocument doc;
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF")) {
        doc.bom = true;
        view = view.sliced(3);
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(view);
    if (decoder.hasError())
        doc.problems.append({0, QStringLiteral("the file is not valid UTF-8 (invalid bytes were replaced by U+FFFD)")});
    Parser(text).run(doc);
    return doc;
}

QByteArray writeCsv(const CsvDocument& document)
{
    QString out;
    for (const CsvRecord& record : document.records) {
        for (qsizetype i = 0; i < record.cells.size(); ++i) {
            if (i > 0)
                out += QLatin1Char(',');
            appendCell(out, record.cells.at(i));
        }
        out += record.terminator;
    }
    QByteArray bytes = document.bom ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    bytes += out.toUtf8();
    return bytes;
}

QString csvLine(const QStringList& cells, const QString& terminator)
{
    QString out;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        appendCell(out, CsvCell{cells.at(i), false});
    }
    return out + terminator;
}

} // namespace nofade
