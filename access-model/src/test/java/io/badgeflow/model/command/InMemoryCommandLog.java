package io.badgeflow.model.command;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Test double for the port; the real one is DynamoDB, tested against the emulator. */
final class InMemoryCommandLog implements CommandLog {

    final Map<String, CommandRecord> records = new HashMap<>();

    @Override
    public Optional<CommandRecord> find(String commandId) {
        return Optional.ofNullable(records.get(commandId));
    }

    @Override
    public void record(CommandRecord record) {
        records.putIfAbsent(record.commandId(), record);
    }
}
