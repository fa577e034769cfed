#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace earmark {

// What went wrong, said for a person: what failed, on which file/line/field, and what to do.
// `file` and `line` are optional and, when set, prefix the message in toString().
struct Error
{
    QString message;
    QString file;
    int line = 0;

    Error() = default;
    explicit Error(QString msg)
        : message(std::move(msg))
    {}
    Error(QString msg, QString inFile, int atLine = 0)
        : message(std::move(msg))
        , file(std::move(inFile))
        , line(atLine)
    {}

    QString toString() const
    {
        if (file.isEmpty())
            return message;
        if (line > 0)
            return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message);
        return QStringLiteral("%1: %2").arg(file, message);
    }
};

// An expected value or an Error. Cheap to move; never throws on its own.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T valueOr(T fallback) const { return ok() ? std::get<0>(m_data) : std::move(fallback); }

    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }
    QString errorString() const { return ok() ? QString() : error().toString(); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }
    QString errorString() const { return m_ok ? QString() : m_error.toString(); }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

} // namespace earmark
