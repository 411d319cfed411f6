#include "profile/profile_json_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <vector>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

#include "profile/profile_json.h"

namespace nofade {

namespace {

constexpr int kNestingLimit = 1024; // as QJsonDocument's parser
constexpr qint64 kChunk = 1 << 20;

// Bytes of a device with one byte of look-ahead and their offset in it; while an echo buffer is
// set, every byte taken is also appended to it (the part of the document QJsonDocument reads).
class Input {
public:
    explicit Input(QIODevice& device) : device_(device) {}

    int peek()
    {
        if (pos_ == buffer_.size() && !fill())
            return -1;
        return static_cast<unsigned char>(buffer_[pos_]);
    }
    int get()
    {
        const int c = peek();
        if (c >= 0) {
            if (echo_)
                echo_->append(char(c));
            ++pos_;
            ++offset_;
        }
        return c;
    }
    void skipSpace()
    {
        for (int c = peek(); c == ' ' || c == '\t' || c == '\n' || c == '\r'; c = peek())
            get();
    }
    qint64 offset() const { return offset_; }
    QByteArray* echo() const { return echo_; }
    void setEcho(QByteArray* echo) { echo_ = echo; }
    // Bytes left after the current position (-1 when the device does not say).
    qint64 remaining() const
    {
        return device_.isSequential() ? -1 : device_.size() - offset_;
    }

private:
    bool fill()
    {
        // No larger than what is left: a small document (a fuzzer's input) costs no 1 MiB buffer.
        const qint64 left = device_.isSequential() ? kChunk : device_.size() - device_.pos();
        buffer_ = device_.read(std::clamp<qint64>(left, 1, kChunk));
        pos_ = 0;
        return !buffer_.isEmpty();
    }

    QIODevice& device_;
    QByteArray buffer_;
    qsizetype pos_ = 0;
    qint64 offset_ = 0;
    QByteArray* echo_ = nullptr;
};

// One per-image row as far as it was read, and the first thing wrong with it.
struct RowFields {
    bool index = false, path = false, entropy = false;
};

class Parser {
public:
    explicit Parser(QIODevice& device) : in_(device) {}

    std::optional<Profile> read(QString* error);

private:
    bool bad(const char* why)
    {
        if (syntax_.isEmpty())
            syntax_ = QStringLiteral("not valid JSON at byte %1: %2").arg(in_.offset()).arg(QLatin1String(why));
        return false;
    }
    bool expect(char c, const char* why)
    {
        in_.skipSpace();
        if (in_.peek() != c)
            return bad(why);
        in_.get();
        return true;
    }
    bool literal(const char* word)
    {
        for (const char* w = word; *w; ++w) {
            if (in_.peek() != *w)
                return bad("illegal value");
            in_.get();
        }
        return true;
    }
    bool string();
    // text_ as a string of its own, allocated to its size.
    QString text() const { return QString(text_.constData(), text_.size()); }
    bool number(double* out);
    bool value(int depth);
    bool document();
    bool jsdMembers(int depth);
    bool perImageRows(int depth);
    bool row(std::int64_t i, int depth);
    void rowError(std::int64_t i, const char* field, const QString& why)
    {
        if (rowErrorAt_ < 0) {
            rowErrorAt_ = i;
            rowError_ = QStringLiteral("per_image[%1].%2: %3").arg(i).arg(QLatin1String(field), why);
        }
    }
    // Replaces the array just skipped (from `start` in the file) by "[]" in the echo.
    void splice(qint64 start, qsizetype echoAt)
    {
        in_.echo()->append("[]");
        splices_.push_back({echoAt, in_.offset() - start - 2});
    }
    qint64 fileOffset(qint64 echoOffset) const
    {
        qint64 shift = 0;
        for (const auto& s : splices_)
            if (echoOffset >= s.echoAt + 2)
                shift += s.removed;
        return echoOffset + shift;
    }

    struct Splice {
        qsizetype echoAt;
        qint64 removed;
    };

    Input in_;
    QString syntax_;
    QByteArray rest_;
    std::vector<Splice> splices_;
    bool hadRows_ = false;
    std::vector<ImageEntropy> rows_;     // classIndex: into names_ until the classes are known
    QHash<QString, int> nameIndex_;
    std::vector<std::int64_t> nameFirstRow_;
    QStringList names_;
    std::int64_t rowErrorAt_ = -1;
    QString rowError_;
    QStringDecoder utf8_{QStringDecoder::Utf8, QStringConverter::Flag::Stateless};
    QByteArray bytes_;
    QString text_;
};

// A string after its opening quote, checked as QJsonDocument checks one (escapes, UTF-8; control
// characters pass) and decoded into text_ (its
// capacity reused from string to string, so a key costs no allocation).
bool Parser::string()
{
    bytes_.resize(0);
    text_.resize(0);
    const auto flush = [&] {
        if (bytes_.isEmpty())
            return true;
        bool ascii = true;
        for (char c : std::as_const(bytes_))
            ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        if (ascii) {
            text_.append(QLatin1String(bytes_));
        } else {
            const QString decoded = utf8_.decode(bytes_);
            if (utf8_.hasError())
                return bad("invalid UTF-8 in a string");
            text_.append(decoded);
        }
        bytes_.resize(0);
        return true;
    };
    for (;;) {
        int c = in_.get();
        if (c < 0)
            return bad("unterminated string");
        if (c == '"')
            return flush();
        if (c != '\\') {
            bytes_.append(char(c));
            continue;
        }
        char16_t unit = 0;
        switch (c = in_.get()) {
        case '"': unit = u'"'; break;
        case '\\': unit = u'\\'; break;
        case '/': unit = u'/'; break;
        case 'b': unit = u'\b'; break;
        case 'f': unit = u'\f'; break;
        case 'n': unit = u'\n'; break;
        case 'r': unit = u'\r'; break;
        case 't': unit = u'\t'; break;
        case 'u':
            for (int k = 0; k < 4; ++k) {
                const int h = in_.get();
                const int digit = h >= '0' && h <= '9' ? h - '0'
                                  : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                  : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                if (digit < 0)
                    return bad("illegal escape sequence");
                unit = char16_t(unit * 16 + digit);
            }
            break;
        default:
            if (c < 0)
                return bad("unterminated string");
            unit = char16_t(c); // Qt takes any other escaped byte as itself
        }
        if (!flush())
            return false;
        text_.append(QChar(unit));
    }
}

// A number as QJsonDocument's parser reads one: its scan ("-", digits, "." and digits, "e", sign
// and digits, each part optional, as lenient as Qt), then the text as a whole number when it is
// one that fits 64 bits (converted), otherwise the nearest double; anything that does not convert
// as a whole is refused.
bool Parser::number(double* out)
{
    bytes_.resize(0);
    const auto digits = [&] {
        while (in_.peek() >= '0' && in_.peek() <= '9')
            bytes_.append(char(in_.get()));
    };
    bool whole = true;
    if (in_.peek() == '-')
        bytes_.append(char(in_.get()));
    if (in_.peek() == '0')
        bytes_.append(char(in_.get()));
    else
        digits();
    if (in_.peek() == '.') {
        bytes_.append(char(in_.get()));
        digits();
    }
    if (in_.peek() == 'e' || in_.peek() == 'E') {
        whole = false;
        bytes_.append(char(in_.get()));
        if (in_.peek() == '+' || in_.peek() == '-')
            bytes_.append(char(in_.get()));
        digits();
    }
    const char* first = bytes_.constData();
    const char* last = first + bytes_.size();
    if (whole) {
        long long n = 0;
        if (const auto r = std::from_chars(first, last, n); r.ec == std::errc() && r.ptr == last) {
            if (out)
                *out = double(n);
            return true;
        }
    }
    double d = 0.0;
    const auto r = std::from_chars(first, last, d);
    if (r.ec != std::errc() || r.ptr != last || !std::isfinite(d))
        return bad("illegal number");
    if (out)
        *out = d;
    return true;
}

// Any value, checked and (with the echo set) copied.
bool Parser::value(int depth)
{
    in_.skipSpace();
    const int c = in_.peek();
    if ((c == '{' || c == '[') && depth >= kNestingLimit)
        return bad("too deeply nested");
    switch (c) {
    case '{':
        in_.get();
        in_.skipSpace();
        if (in_.peek() == '}')
            return in_.get() >= 0;
        for (;;) {
            if (!expect('"', "expected a key") || !string() || !expect(':', "expected ':'") || !value(depth + 1))
                return false;
            in_.skipSpace();
            const int next = in_.get();
            if (next == '}')
                return true;
            if (next != ',')
                return bad("expected ',' or '}'");
        }
    case '[':
        in_.get();
        in_.skipSpace();
        if (in_.peek() == ']')
            return in_.get() >= 0;
        for (;;) {
            if (!value(depth + 1))
                return false;
            in_.skipSpace();
            const int next = in_.get();
            if (next == ']')
                return true;
            if (next != ',')
                return bad("expected ',' or ']'");
        }
    case '"':
        in_.get();
        return string();
    case 't':
        return literal("true");
    case 'f':
        return literal("false");
    case 'n':
        return literal("null");
    default:
        if (c < 0)
            return bad("unexpected end of the document");
        return number(nullptr); // as in Qt: whatever else a value starts with is read as a number
    }
}

// The members of the top-level "jsd" object after its '{': copied, but for "pairs", which are
// checked and left out (the reader recomputes them from the classes).
bool Parser::jsdMembers(int depth)
{
    in_.skipSpace();
    if (in_.peek() == '}')
        return in_.get() >= 0;
    for (;;) {
        if (!expect('"', "expected a key") || !string() || !expect(':', "expected ':'"))
            return false;
        in_.skipSpace();
        if (text_ == QLatin1String("pairs") && in_.peek() == '[') {
            QByteArray* echo = in_.echo();
            const qsizetype echoAt = echo->size();
            const qint64 start = in_.offset();
            in_.setEcho(nullptr);
            const bool ok = value(depth + 1);
            in_.setEcho(echo);
            if (!ok)
                return false;
            splice(start, echoAt);
        } else if (!value(depth + 1)) {
            return false;
        }
        in_.skipSpace();
        const int next = in_.get();
        if (next == '}')
            return true;
        if (next != ',')
            return bad("expected ',' or '}'");
    }
}

// One per-image row, its fields read as profileFromJson reads them.
bool Parser::row(std::int64_t i, int depth)
{
    in_.skipSpace();
    if (in_.peek() != '{') {
        rowError(i, "index", QStringLiteral("missing or not a whole number >= 0"));
        return value(depth);
    }
    in_.get();
    ImageEntropy img;
    RowFields have;
    int className = -1;
    in_.skipSpace();
    if (in_.peek() == '}') {
        in_.get();
    } else {
        for (;;) {
            if (!expect('"', "expected a key") || !string() || !expect(':', "expected ':'"))
                return false;
            in_.skipSpace();
            const int c = in_.peek();
            const QString& key = text_;
            const bool isNumber = c >= 0 && c != '"' && c != '{' && c != '[' && c != 't' && c != 'f' && c != 'n';
            if (key == QLatin1String("index")) {
                double d = -1;
                if (isNumber && !number(&d))
                    return false;
                have.index = isNumber && d == std::floor(d) && d >= 0 && d <= 9.0e15;
                img.index = have.index ? static_cast<std::int64_t>(d) : 0;
                if (!isNumber && !value(depth + 1))
                    return false;
            } else if (key == QLatin1String("path")) {
                have.path = c == '"';
                if (have.path) {
                    in_.get();
                    if (!string())
                        return false;
                    img.path = text();
                } else if (!value(depth + 1)) {
                    return false;
                }
            } else if (key == QLatin1String("path_escaped")) {
                img.pathEscaped = c == 't';
                if (!value(depth + 1))
                    return false;
            } else if (key == QLatin1String("entropy")) {
                have.entropy = isNumber;
                if (isNumber ? !number(&img.entropy) : !value(depth + 1))
                    return false;
            } else if (key == QLatin1String("class")) {
                className = -1;
                if (c == '"') {
                    in_.get();
                    if (!string())
                        return false;
                    // The rows' names are a handful: each kept once, the rows hold its number.
                    auto it = nameIndex_.constFind(text_);
                    if (it == nameIndex_.constEnd()) {
                        it = nameIndex_.insert(text(), int(names_.size()));
                        names_.append(it.key());
                        nameFirstRow_.push_back(i);
                    }
                    className = it.value();
                } else if (!value(depth + 1)) {
                    return false;
                }
            } else if (!value(depth + 1)) {
                return false;
            }
            in_.skipSpace();
            const int next = in_.get();
            if (next == '}')
                break;
            if (next != ',')
                return bad("expected ',' or '}'");
        }
    }
    if (!have.index)
        rowError(i, "index", QStringLiteral("missing or not a whole number >= 0"));
    else if (!have.path)
        rowError(i, "path", QStringLiteral("missing or not a string"));
    else if (!have.entropy)
        rowError(i, "entropy", QStringLiteral("missing or not a number"));
    if (!have.entropy)
        img.entropy = 0.0;
    img.classIndex = className;
    rows_.push_back(std::move(img));
    return true;
}

// The top-level "per_image" array after its '[' is next: parsed into rows_, left out of the echo.
bool Parser::perImageRows(int depth)
{
    QByteArray* echo = in_.echo();
    const qsizetype echoAt = echo->size();
    const qint64 start = in_.offset();
    in_.setEcho(nullptr);
    rows_.clear();
    names_.clear();
    nameIndex_.clear();
    nameFirstRow_.clear();
    rowErrorAt_ = -1;
    hadRows_ = true;
    in_.get();
    in_.skipSpace();
    if (in_.peek() == ']') {
        in_.get();
    } else {
        for (std::int64_t i = 0;; ++i) {
            if (i == 1024 && in_.remaining() > 0) {
                // One allocation of about the right size instead of doubling up to twice it. A
                // complete row takes at least 33 bytes ({"index":0,"path":"","entropy":0}), so
                // rows of a file padded with something else never ask for more than that allows.
                const double perRow = std::max(33.0, double(in_.offset() - start) / double(i));
                rows_.reserve(std::size_t(double(i) + 1.02 * double(in_.remaining()) / perRow + 16));
            }
            if (!row(i, depth + 1))
                return false;
            in_.skipSpace();
            const int next = in_.get();
            if (next == ']')
                break;
            if (next != ',')
                return bad("expected ',' or ']'");
        }
    }
    in_.setEcho(echo);
    splice(start, echoAt);
    return true;
}

bool Parser::document()
{
    in_.setEcho(&rest_);
    in_.skipSpace();
    if (in_.peek() != '{') {
        // Not an object: QJsonDocument says what it is.
        while (in_.get() >= 0) {
        }
        return true;
    }
    in_.get();
    in_.skipSpace();
    if (in_.peek() == '}') {
        in_.get();
    } else {
        for (;;) {
            if (!expect('"', "expected a key") || !string() || !expect(':', "expected ':'"))
                return false;
            in_.skipSpace();
            bool ok = true;
            if (text_ == QLatin1String("per_image") && in_.peek() == '[')
                ok = perImageRows(1);
            else if (text_ == QLatin1String("jsd") && in_.peek() == '{')
                ok = in_.get() >= 0 && jsdMembers(2);
            else
                ok = value(1);
            if (!ok)
                return false;
            in_.skipSpace();
            const int next = in_.get();
            if (next == '}')
                break;
            if (next != ',')
                return bad(next < 0 ? "unterminated object" : "expected ',' or '}'");
        }
    }
    in_.skipSpace();
    if (in_.peek() >= 0)
        return bad("garbage at the end of the document");
    return true;
}

std::optional<Profile> Parser::read(QString* error)
{
    if (!document()) {
        *error = syntax_;
        return std::nullopt;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(rest_, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not valid JSON at byte %1: %2").arg(fileOffset(parseError.offset)).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    rest_.clear();
    rest_.squeeze();
    std::optional<Profile> p = profileFromJson(doc.object(), error);
    if (!p || !hadRows_)
        return p;
    // The rows' class names against the profile's classes; the first bad row is reported.
    std::vector<int> classOf(std::size_t(names_.size()), -1);
    QHash<QString, int> classIndex;
    for (int c = 0; c < int(p->classes.size()); ++c)
        classIndex.insert(p->classes[std::size_t(c)].name, c);
    for (qsizetype n = 0; n < names_.size(); ++n) {
        classOf[std::size_t(n)] = classIndex.value(names_[n], -1);
        if (classOf[std::size_t(n)] < 0 && (rowErrorAt_ < 0 || nameFirstRow_[std::size_t(n)] < rowErrorAt_)) {
            rowErrorAt_ = nameFirstRow_[std::size_t(n)];
            rowError_ = QStringLiteral("per_image[%1].class: names no class of this profile").arg(rowErrorAt_);
        }
    }
    if (rowErrorAt_ >= 0) {
        *error = rowError_;
        return std::nullopt;
    }
    for (ImageEntropy& img : rows_)
        if (img.classIndex >= 0)
            img.classIndex = classOf[std::size_t(img.classIndex)];
    p->perImage = std::move(rows_);
    return p;
}

} // namespace

std::optional<Profile> readProfileJson(QIODevice& in, QString* error)
{
    Parser parser(in);
    return parser.read(error);
}

} // namespace nofade
