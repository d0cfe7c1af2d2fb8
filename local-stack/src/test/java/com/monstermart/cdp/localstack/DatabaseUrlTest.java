package com.monstermart.cdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void parsesLibpqAndJdbcForms() {
        assertThat(DatabaseUrl.parse("postgresql://cdp:s%40cret@db.internal:6543"))
                .isEqualTo(new DatabaseUrl("db.internal", 6543, "cdp", "s@cret"));
        assertThat(DatabaseUrl.parse("jdbc:postgresql://postgres@127.0.0.1"))
                .isEqualTo(new DatabaseUrl("127.0.0.1", 5432, "postgres", ""));
    }

    @Test
    void rejectsOtherSchemesWithoutEchoingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@db"))
                .isInstanceOf(StackException.class)
                .hasMessage("CDP_DATABASE_URL must look like postgresql://user:password@host:port")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db:5432")).hasMessageContaining("needs a user");
    }
}
