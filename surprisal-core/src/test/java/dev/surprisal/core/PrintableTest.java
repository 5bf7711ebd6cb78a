// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrintableTest {
    @Test
    void controlCharactersAreEscapedAndTheRestKept() {
        assertThat(Printable.escape("évil\u001b[2J\rname\u0007\u009b")).isEqualTo("évil\\e[2J\\rname\\x07\\x9b");
        assertThat(Printable.escape("two\nlines\tok")).isEqualTo("two\nlines\tok");
        assertThat(Printable.escapeValue("two\nlines\tok")).isEqualTo("two\\nlines\\tok");
        assertThat(Printable.escape("plain ünïcode 名前")).isEqualTo("plain ünïcode 名前");
    }

    @Test
    void theFirstControlCharacterIsNamedWithItsPosition() {
        assertThat(Printable.firstControl("ab\u001bc")).isEqualTo("\\e at character 3");
        assertThat(Printable.firstControl("abc")).isNull();
    }
}
