// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.surprisal.text.notes.KeepAndAddTest.T;
import static dev.surprisal.text.notes.KeepAndAddTest.put;
import static dev.surprisal.text.notes.KeepAndAddTest.scan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notes in scripts written without spaces (audit12 defect 7): a Japanese paragraph is judged, not
 * "too-short: only 7 words", and a copy of a note is reported as a copy whatever the note's length.
 */
class SpacelessScriptTest {
    static final long DAY = 86_400_000L;

    /** Four unrelated Japanese work notes of 100–150 characters, as a team writes them. */
    static final String[] JA = {
        "今日はデータベースサーバーの更新作業を行いました。インデックスの再構築に予想以上の時間がかかり、"
                + "メンテナンス時間を一時間延長しました。次回は事前にサポートチームへ連絡し、作業時間を二時間確保する"
                + "必要があります。また、バックアップの復元手順も事前に確認しておくべきでした。",
        "注文処理のカフカ・コンシューマーが昨夜停止しました。遅延は一時間で二百万件を超えました。原因は新しい"
                + "ライブラリのメモリリークで、ヒープ使用量が徐々に増えていました。旧版に戻して再起動したところ、"
                + "三十分ほどで遅延は解消しました。監視の閾値も見直します。",
        "情報理論の勉強メモ：エントロピーは結果の平均的な驚きの量を表し、カルバック・ライブラー情報量は間違った"
                + "モデルでデータを符号化したときの余分なコストを表します。対称ではないので距離ではありません。モデルが"
                + "確率ゼロを割り当てると無限大になることがあります。",
        "来週の勉強会では、圧縮と予測の関係について発表します。算術符号化の仕組みを簡単な例で説明し、"
                + "言語モデルの損失がそのまま符号長になることを示す予定です。資料は金曜日までに共有フォルダへ置き、"
                + "質問は事前に集めておきます。",
    };

    static String note(String title, String date, String body) {
        return "---\ntitle: " + title + "\ndate: " + date + "\ntags: [ja]\n---\n\n" + body + "\n";
    }

    @Test
    void eachCharacterOfASpacelessScriptIsAWordWithItsMarks() {
        assertThat(NoteText.tokenize("今日はデータベース")).containsExactly("今", "日", "は", "デ", "ー", "タ", "ベ", "ー", "ス");
        assertThat(NoteText.tokenize("数据库服务器已更新")).hasSize(9);
        // Thai: a vowel or tone mark stays with the consonant before it (ที่ is one word, not three)
        assertThat(NoteText.tokenize("ที่นี่")).containsExactly("ที่", "นี่");
        // scripts with spaces keep their words; a Latin word next to Japanese stays one word
        assertThat(NoteText.tokenize("Kafka の lag は 2,000,000 件")).containsExactly("kafka", "の", "lag", "は",
                "0", "000", "000", "件");
        assertThat(NoteText.tokenize("Привет, мир: Ünïcode résumé")).containsExactly("привет", "мир", "ünïcode", "résumé");
        assertThat(NoteText.of(note("メモ 0", "2026-11-12", JA[0])).words()).hasSize(128);
    }

    @Test
    void japaneseNotesAreJudgedAndADateOnlyCopyIsANearDuplicateInScanAndAdd(@TempDir Path dir) throws IOException {
        for (int i = 0; i < JA.length; i++) {
            put(dir, "ja-" + i + ".md", note("メモ " + i, "2026-11-1" + i, JA[i]), T + i * DAY);
        }
        put(dir, "ja-2-copy.md", note("メモ 2", "2026-12-01", JA[2]), T + 9 * DAY);
        Map<String, NoteReport> r = scan(dir, KnowledgeBase.Options.defaults());
        for (int i = 0; i < JA.length; i++) {
            assertThat(r.get("ja-" + i + ".md").label()).as("ja-%d: %s", i, r.get("ja-" + i + ".md").reason())
                    .isEqualTo(Label.GENUINE);
            assertThat(r.get("ja-" + i + ".md").words()).isGreaterThan(100);
        }
        assertThat(r.get("ja-2-copy.md").label()).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(r.get("ja-2-copy.md").copyOf()).isEqualTo("ja-2.md");

        Path drafts = Files.createTempDirectory("drafts");
        NoteReport added = KnowledgeBase.add(put(drafts, "d_ja_date.md", note("メモ 1", "2026-12-02", JA[1]),
                T + 20 * DAY), dir);
        assertThat(added.label()).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(added.copyOf()).isEqualTo("ja-1.md");
        assertThat(added.label().addsLittle()).isTrue();
        NoteReport fresh = KnowledgeBase.add(put(drafts, "new.md", note("メモ 9", "2026-12-02",
                "本番環境の証明書が来月期限切れになります。更新手順を確認し、担当者を決めて、作業日を予定表に入れてください。"
                        + "自動更新の設定も合わせて見直しましょう。"), T + 20 * DAY), dir);
        assertThat(fresh.label()).as(fresh.reason()).isEqualTo(Label.GENUINE);
    }

    @Test
    void aShortNoteIsNotJudgedButItsCopyIsStillACopy(@TempDir Path dir) throws IOException {
        String todo = "Call Bo about the invoice tomorrow.";
        put(dir, "todo.md", "---\ntitle: todo\ndate: 2026-11-09\n---\n\n" + todo + "\n", T);
        put(dir, "bank.md", "Ask the bank why the transfer failed.\n", T);
        put(dir, "long.md", KeepAndAddTest.licence(0, 3000) + "\nCall Bo about the invoice tomorrow and then\n", T);
        Map<String, NoteReport> r = scan(dir, KnowledgeBase.Options.defaults());
        assertThat(r.get("todo.md").label()).isEqualTo(Label.TOO_SHORT);
        assertThat(r.get("todo.md").reason()).startsWith("only 6 words: too short to judge");
        assertThat(r.get("bank.md").label()).isEqualTo(Label.TOO_SHORT);

        Path drafts = Files.createTempDirectory("drafts");
        // the front matter's date changed, the note did not
        NoteReport copy = KnowledgeBase.add(put(drafts, "todo-2.md",
                "---\ntitle: todo\ndate: 2026-12-01\n---\n\n" + todo + "\n", T + DAY), dir);
        assertThat(copy.label()).as(copy.reason()).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(copy.copyOf()).isEqualTo("todo.md");
        assertThat(copy.reason()).startsWith("a near-copy of todo.md: 100% of this note is in it");
        NoteReport exact = KnowledgeBase.add(put(drafts, "bank.md", "Ask the bank why the transfer failed.\n", T + DAY), dir);
        assertThat(exact.label()).isEqualTo(Label.DUPLICATE);
        // a few words that a longer note also holds are no copy of it: still not judged
        NoteReport quote = KnowledgeBase.add(put(drafts, "quote.md", "Call Bo about the invoice tomorrow and then\n",
                T + DAY), dir);
        assertThat(quote.label()).as(quote.reason()).isEqualTo(Label.TOO_SHORT);
        NoteReport other = KnowledgeBase.add(put(drafts, "milk.md", "buy milk, call the bank", T + DAY), dir);
        assertThat(other.label()).isEqualTo(Label.TOO_SHORT);

        // in one scan too: the later short copy is the near-duplicate, the original stays unjudged
        put(dir, "todo-copy.md", "---\ntitle: todo\ndate: 2026-12-01\n---\n\n" + todo + "\n", T + 2 * DAY);
        Map<String, NoteReport> again = scan(dir, KnowledgeBase.Options.defaults());
        assertThat(again.get("todo-copy.md").label()).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(again.get("todo.md").label()).isEqualTo(Label.TOO_SHORT);
    }
}
