// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one note as strict UTF-8. Anything that is not a readable, non-empty, valid UTF-8 text
 * file within the size limit becomes a {@link Result} with a reason a person can act on, never an
 * exception: a scan must go on past a bad file.
 */
public final class NoteReader {
    /** Default largest note analysed, 16 MiB. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    /** Either the decoded text or the reason it was skipped. */
    public static final class Result {
        private final String text;
        private final String reason;

        private Result(String text, String reason) {
            this.text = text;
            this.reason = reason;
        }

        /**
         * True when the file was read and decoded.
         *
         * @return true when the file was read and decoded
         */
        public boolean ok() {
            return text != null;
        }

        /**
         * The decoded text (null when skipped).
         *
         * @return the decoded text, or null when skipped
         */
        public String text() {
            return text;
        }

        /**
         * Why the file was skipped (null when read).
         *
         * @return why the file was skipped, or null when read
         */
        public String reason() {
            return reason;
        }
    }

    private NoteReader() {
    }

    /**
     * Reads {@code file}, skipping it with a reason if it is empty, too large, binary, not UTF-8 or unreadable.
     *
     * @param file the note's file
     * @param maxBytes the largest file read, in bytes
     * @return the text, or the reason it was skipped
     */
    public static Result read(Path file, long maxBytes) {
        try {
            String problem = dev.surprisal.core.PathKind.problem(file);
            if (problem != null) {
                return skip(problem);
            }
            long size = Files.size(file);
            if (size == 0) {
                return skip("empty file");
            }
            if (size > maxBytes) {
                return skip("too large: " + size + " bytes exceeds the " + maxBytes + "-byte limit (raise --max-note-bytes)");
            }
            byte[] bytes = Files.readAllBytes(file);
            int nul = indexOf(bytes, (byte) 0);
            if (nul >= 0) {
                return skip("binary: NUL byte at offset " + nul);
            }
            CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            try {
                String s = dec.decode(in).toString();
                if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
                    s = s.substring(1);
                }
                return new Result(s, null);
            } catch (MalformedInputException e) {
                return skip("not valid UTF-8: malformed byte sequence at offset " + in.position());
            } catch (CharacterCodingException e) {
                return skip("not valid UTF-8: " + e);
            }
        } catch (AccessDeniedException e) {
            return skip("unreadable: permission denied");
        } catch (NoSuchFileException e) {
            return skip("unreadable: no such file (dangling link or removed during the scan)");
        } catch (IOException | SecurityException e) {
            return skip("unreadable: " + e.getMessage());
        }
    }

    private static Result skip(String reason) {
        return new Result(null, reason);
    }

    private static int indexOf(byte[] b, byte v) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
