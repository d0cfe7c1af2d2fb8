package com.monstermart.cdp.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@WithCdpStack("greenmail")
class MailCatcherTest {
    @Test
    void messageSentOverSmtpShowsUpInTheApi(CdpStack stack) throws Exception {
        String recipient = "monster-" + UUID.randomUUID() + "@example.com";
        Properties properties = new Properties();
        properties.put("mail.smtp.host", stack.endpoints().mail().smtpHost());
        properties.put(
                "mail.smtp.port", Integer.toString(stack.endpoints().mail().smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("offers@monstermart.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject("Your cart misses you");
        message.setText("Free shipping on your abandoned cart.", "us-ascii");
        Transport.send(message);

        List<MailMessage> received = stack.mailTo(recipient);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).subject()).isEqualTo("Your cart misses you");
        assertThat(received.get(0).mimeMessage())
                .contains("From: offers@monstermart.example")
                .contains("Free shipping on your abandoned cart.");
    }
}
