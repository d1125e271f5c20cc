/**
 * What the terminal can show. Windows' own console (conhost: cmd and PowerShell windows on
 * Windows 10) draws with Consolas or Lucida Console, which have no ✓ (U+2713) nor ✗ (U+2717): both
 * show as one empty box. Windows Terminal, VS Code's terminal, mintty (Git Bash) and ConEmu say so
 * in the environment and draw them; so do the terminals of macOS and Linux (whose output, in a
 * pipe or a file too, is the same everywhere). The test of the is-unicode-supported package, for Windows.
 */
export function unicodeTerminal(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform !== 'win32') return true;
  return (
    Boolean(env.WT_SESSION) || // Windows Terminal
    Boolean(env.TERMINUS_SUBLIME) ||
    env.ConEmuTask === '{cmd::Cmder}' ||
    env.TERM_PROGRAM === 'vscode' ||
    env.TERM_PROGRAM === 'Terminus-Sublime' ||
    env.TERM === 'xterm-256color' || // mintty (Git Bash), ConEmu
    env.TERM === 'alacritty' ||
    env.TERMINAL_EMULATOR === 'JetBrains-JediTerm'
  );
}
