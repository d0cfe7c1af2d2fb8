package com.monstermart.cdp.localstack.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message the mail catcher received.
 *
 * @param mimeMessage the raw message as received: headers (From, To, Subject...) and the encoded body
 */
public record MailMessage(String subject, String contentType, String mimeMessage) {
    public MailMessage {
        requireNonNull(subject, "subject is null");
        requireNonNull(contentType, "contentType is null");
        requireNonNull(mimeMessage, "mimeMessage is null");
    }

    static MailMessage fromJson(JsonNode message) {
        return new MailMessage(
                message.path("subject").asText(""),
                message.path("contentType").asText(""),
                message.path("mimeMessage").asText(""));
    }
}
