#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace vw {

// An error a user can act on: what went wrong and, where known, where.
struct Error {
    QString message;
};

// A value or an Error. Layers below the UI never show dialogs or exit; they return this.
template <typename T> class Result {
public:
    Result(T value) : mValue(std::move(value)) {}
    Result(Error error) : mError(std::move(error.message)) {}

    bool ok() const { return mValue.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *mValue; }
    T &value() & { return *mValue; }
    T value() && { return std::move(*mValue); } // by value: safe in range-for over a temporary
    const T *operator->() const { return &*mValue; }
    T *operator->() { return &*mValue; }
    const QString &error() const { return mError; }

private:
    std::optional<T> mValue;
    QString mError;
};

template <> class Result<void> {
public:
    Result() = default;
    Result(Error error) : mOk(false), mError(std::move(error.message)) {}

    bool ok() const { return mOk; }
    explicit operator bool() const { return mOk; }
    const QString &error() const { return mError; }

private:
    bool mOk = true;
    QString mError;
};

} // namespace vw
