#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace baton::util {

// The string forms of an enum, defined once beside it: specialise EnumNames<E> with
// `static constexpr std::array<std::string_view, N> names` in enum order (the enum's values
// must be 0..N-1). The store, the CLI and JSON all use these forms.
template <typename E> struct EnumNames;

template <typename E> constexpr std::size_t enumCount()
{
    return EnumNames<E>::names.size();
}

template <typename E> constexpr std::string_view nameOf(E value)
{
    return EnumNames<E>::names[static_cast<std::size_t>(value)];
}

template <typename E> std::string nameString(E value)
{
    return std::string(nameOf(value));
}

template <typename E> constexpr std::optional<E> parseName(std::string_view name)
{
    for (std::size_t i = 0; i < enumCount<E>(); ++i)
        if (EnumNames<E>::names[i] == name)
            return static_cast<E>(i);
    return std::nullopt;
}

// Every value in enum order, to iterate a vocabulary.
template <typename E> constexpr std::array<E, enumCount<E>()> allOf()
{
    std::array<E, enumCount<E>()> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<E>(i);
    return out;
}

// "a, b or c": a vocabulary as a message lists it.
template <typename E> std::string listOf(std::string_view lastSeparator = " or ")
{
    std::string out;
    for (std::size_t i = 0; i < enumCount<E>(); ++i) {
        if (i > 0)
            out += i + 1 == enumCount<E>() ? lastSeparator : std::string_view(", ");
        out += EnumNames<E>::names[i];
    }
    return out;
}

// "'a', 'b', 'c'": for an SQL CHECK (... IN (...)) built from the vocabulary.
template <typename E> std::string sqlList()
{
    std::string out;
    for (std::size_t i = 0; i < enumCount<E>(); ++i)
        out += (i ? ", '" : "'") + std::string(EnumNames<E>::names[i]) + "'";
    return out;
}

// The same for some of a vocabulary's values, in the order given: for a query's
// "status IN (...)", built once.
template <typename E, std::size_t N> std::string sqlList(const std::array<E, N> &values)
{
    std::string out;
    for (std::size_t i = 0; i < N; ++i)
        out += (i ? ", '" : "'") + std::string(nameOf(values[i])) + "'";
    return out;
}

} // namespace baton::util
