// A value or an error message: how loaders report a bad file without throwing
// exceptions across the Qt event loop (a small stand-in for std::expected).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace bpl {

// Where and why an input was refused: "file: path: reason".
struct Error {
    std::string file;   // the file name as the user gave it
    std::string place;  // JSON path ("layers[2].weights[0]") or "line 7"
    std::string reason; // what was expected and what was found

    std::string message() const {
        std::string m = file;
        if (!place.empty()) m += (m.empty() ? "" : ": ") + place;
        return m + (m.empty() ? "" : ": ") + reason;
    }
};

template <typename T> class Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(state_); }
    T& value() & { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    const Error& error() const { return std::get<Error>(state_); }

private:
    std::variant<T, Error> state_;
};

} // namespace bpl
