#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace vw {

// What went wrong, for code that must decide what to do next (the message is for people).
enum class ErrorCode {
    Failed,       // anything else: the message says what
    Invalid,      // the input is not acceptable (a malformed figure, an empty name, …)
    NotFound,     // no such Vorlage, figure, comment or version
    Conflict,     // someone else saved the Vorlage since it was loaded
    ReadOnly,     // the Vorlage is decided and takes no more changes
    Refused,      // the store refuses: no right to do this, or a file that cannot be written
    Busy,         // another program holds the workspace locked for longer than we wait
    DiskFull,     // the disk holding the workspace is full
    Damaged,      // the workspace (or a part of it) cannot be read
    NewerSchema,  // written by a newer version of the program
    NotAWorkspace // the file is something else
};

// An error a user can act on: what went wrong and, where known, where; and its code.
struct Error {
    QString message;
    ErrorCode code = ErrorCode::Failed;
};

// A value or an Error. Layers below the UI never show dialogs or exit; they return this.
template <typename T> class Result {
public:
    Result(T value) : mValue(std::move(value)) {}
    Result(Error error) : mError(std::move(error)) {}

    bool ok() const { return mValue.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *mValue; }
    T &value() & { return *mValue; }
    T value() && { return std::move(*mValue); } // by value: safe in range-for over a temporary
    const T *operator->() const { return &*mValue; }
    T *operator->() { return &*mValue; }
    const QString &error() const { return mError.message; }
    ErrorCode code() const { return mError.code; }
    // The error with its code, to pass on: `return r.failure();`.
    const Error &failure() const { return mError; }

private:
    std::optional<T> mValue;
    Error mError;
};

template <> class Result<void> {
public:
    Result() = default;
    Result(Error error) : mOk(false), mError(std::move(error)) {}

    bool ok() const { return mOk; }
    explicit operator bool() const { return mOk; }
    const QString &error() const { return mError.message; }
    ErrorCode code() const { return mError.code; }
    const Error &failure() const { return mError; }

private:
    bool mOk = true;
    Error mError;
};

} // namespace vw
