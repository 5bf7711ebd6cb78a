package dev.surprisal.cli;

/** Placeholder entry point; replaced by the picocli command tree. */
public final class SurprisalCommand {
    public static void main(String[] args) {
        System.out.println("surprisal");
    }
}
