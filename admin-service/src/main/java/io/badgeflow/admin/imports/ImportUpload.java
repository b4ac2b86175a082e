package io.badgeflow.admin.imports;

import io.badgeflow.model.InvalidFieldException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads an uploaded CSV, at most {@code maxBytes} of it, and refuses what card-events could never import: an empty
 * body or one that is not UTF-8 text. Everything else (header, rows) is card-events' to judge, with a reason.
 */
final class ImportUpload {

    static final String FIELD = "file";

    private ImportUpload() {}

    /**
     * @param declaredLength the size the client announced, or -1; more than {@code maxBytes} is refused unread
     * @throws ResponseStatusException 413 when the file is larger than {@code maxBytes}
     */
    static byte[] read(long declaredLength, InputStream body, long maxBytes) throws IOException {
        if (declaredLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        // readNBytes grows its buffer as data arrives, so a short file does not cost maxBytes of memory
        var bytes = body.readNBytes((int) maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (bytes.length == 0) {
            throw new InvalidFieldException(FIELD, "is empty; upload the HR export as a CSV file");
        }
        requireUtf8(bytes);
        return bytes;
    }

    /** Decodes through a small buffer, so a 20 MB file is checked without a 40 MB string. */
    private static void requireUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes);
        var out = CharBuffer.allocate(8192);
        while (true) {
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw new InvalidFieldException(FIELD, "is not UTF-8 text; export the CSV as UTF-8");
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        out.clear();
        if (decoder.flush(out).isError()) {
            throw new InvalidFieldException(FIELD, "is not UTF-8 text; export the CSV as UTF-8");
        }
    }

    private static ResponseStatusException tooLarge(long maxBytes) {
        return new ResponseStatusException(
                HttpStatus.CONTENT_TOO_LARGE,
                "The file is larger than " + maxBytes + " bytes; split it into several imports.");
    }
}
