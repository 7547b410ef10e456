#pragma once

#include "agents/LlmSummarizer.h"

#include <QString>
#include <optional>

namespace baton::app {

// The LLM backend as Settings configure it, for `baton run` and for runs the console starts:
// `url` and `model` (the settings' own when empty), the key from BATON_LLM_API_KEY or else
// the OS keychain ("llm-api-key"), the settings' timeout. Nothing when no URL is set; `error` says
// why when the URL is not an http(s) URL.
std::optional<agents::LlmConfig> llmConfigFromSettings(QString url, QString model, QString *error);

} // namespace baton::app
