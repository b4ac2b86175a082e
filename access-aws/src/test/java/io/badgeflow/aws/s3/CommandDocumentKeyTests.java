package io.badgeflow.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandDocumentKeyTests {

    @Test
    void namesTheDocumentByItsCommandId() {
        assertThat(CommandDocumentKey.of("cmd-1")).isEqualTo("commands/cmd-1.json");
    }

    @Test
    void readsTheCommandIdBackFromTheKey() {
        assertThat(CommandDocumentKey.commandIdOf("commands/cmd-1.json")).contains("cmd-1");
    }

    @Test
    void ignoresKeysThatAreNotCommandDocuments() {
        assertThat(CommandDocumentKey.commandIdOf("imports/hr.csv")).isEmpty();
        assertThat(CommandDocumentKey.commandIdOf("commands/a/b.json")).isEmpty();
        assertThat(CommandDocumentKey.commandIdOf("commands/.json")).isEmpty();
    }
}
