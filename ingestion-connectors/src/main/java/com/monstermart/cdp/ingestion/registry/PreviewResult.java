package com.monstermart.cdp.ingestion.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.monstermart.cdp.event.DeadLetter;
import java.util.List;

/**
 * What a dry run produced; nothing was written.
 *
 * @param events the canonical events, as JSON
 * @param deadLetters what would go to the dead-letter topic
 * @param skipped rows no rule mapped
 */
public record PreviewResult(List<JsonNode> events, List<DeadLetter> deadLetters, long skipped) {}
