package com.monstermart.cdp.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** GreenMail: an SMTP server that keeps every message, readable over its REST API (the mail catcher). */
final class GreenMailServer extends ProcessComponent {
    static final String NAME = "greenmail";
    /** The readiness probe sends here; any recipient is accepted. */
    static final String HEALTH_RECIPIENT = "stack-health@cdp.local";

    GreenMailServer(StackContext context) {
        super(context, NAME);
    }

    @Override
    public List<String> requires() {
        return List.of();
    }

    @Override
    public List<Integer> ports() {
        return List.of(
                context.settings().ports().smtp(), context.settings().ports().mailApi());
    }

    @Override
    public String location() {
        return "smtp://%s:%d, API %s/api/user/{email}/messages/"
                .formatted(
                        StackSettings.HOST,
                        context.settings().ports().smtp(),
                        context.endpoints().mail().apiUrl());
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    protected void prepare() {}

    @Override
    protected ProcessControl.Launch launch() {
        StackSettings.Ports ports = context.settings().ports();
        List<String> command =
                new ArrayList<>(context.javaCommand(context.settings().heaps().greenMail()));
        command.addAll(List.of(
                "-Dgreenmail.smtp.hostname=" + StackSettings.HOST,
                "-Dgreenmail.smtp.port=" + ports.smtp(),
                "-Dgreenmail.api.hostname=" + StackSettings.HOST,
                "-Dgreenmail.api.port=" + ports.mailApi(),
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.verbose=false",
                "-jar",
                context.distributions().greenMailJar().toString()));
        return new ProcessControl.Launch(name(), command, directory(), Map.of(), logFile());
    }

    /** Ready when a message sent over SMTP shows up in the API. */
    @Override
    public Health probe() {
        StackEndpoints.Mail mail = context.endpoints().mail();
        try {
            if (Http.get(mail.apiUrl() + "/api/service/readiness", Map.of()).status() != 200) {
                return Health.unhealthy("API not ready");
            }
            String subject = "stack health " + UUID.randomUUID();
            Smtp.send(mail.smtpHost(), mail.smtpPort(), "cdp-launcher@cdp.local", HEALTH_RECIPIENT, subject, "ok");
            String messages = Http.get(mail.apiUrl() + "/api/user/" + HEALTH_RECIPIENT + "/messages/", Map.of())
                    .requireSuccess("GreenMail")
                    .body();
            return messages.contains(subject)
                    ? Health.healthy("SMTP message delivered and listed by the API")
                    : Health.unhealthy("a message sent over SMTP is not listed by the API");
        } catch (IOException | RuntimeException e) {
            return Health.unhealthy(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
