#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace baton::agents {

// A brief's inputs_considered: every record it rests on, as ("event#12", hex SHA-256).
// Most of a brief's bytes (an active lead's list holds hundreds of records), so the store
// keeps the list packed beside the brief's JSON, which holds null in its place, and puts it
// back when the brief is read: a reader never sees the difference.
using InputRefs = std::vector<std::pair<std::string, std::string>>;

// The list as brief@1's JSON, written as nlohmann's dump() would.
std::string inputsJson(const InputRefs &inputs);

// `briefText` (a dump() with sorted keys) with its "inputs_considered":null member holding
// `listJson` instead; nullopt if it has no such member.
std::optional<std::string> withInputs(std::string briefText, std::string_view listJson);

// The packed form: a format byte, then per record its kind's letter ('l', 'a', 'n' or 'e'),
// its id as a LEB128 varint and the 32 bytes of its hash, about 38 bytes against 100 as
// JSON. Built from the records the list's text was written from (never parsed back from
// that text): packedInputsStart(), then one appendPackedInput() per record, in the list's
// order. Unpacking writes refs and hashes in the one form the text has ("event#12",
// lower-case hex), so what is read is byte for byte what was validated.
std::vector<std::uint8_t> packedInputsStart(std::size_t records);
void appendPackedInput(std::vector<std::uint8_t> &packed, char kind, std::uint64_t id,
                       std::span<const std::uint8_t, 32> digest);

// The JSON list a packed one holds; throws std::runtime_error when the bytes are damaged.
std::string unpackInputsJson(std::span<const std::uint8_t> packed);

// A brief as the store gives it back: the text, with the list put back when it was kept
// packed (`packed` is the briefs.inputs column, absent for briefs kept whole).
std::string storedBrief(std::string text, std::optional<std::span<const std::uint8_t>> packed);

} // namespace baton::agents
