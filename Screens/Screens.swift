import OIDCSetup
import TerminalUI
public enum ScreensPlaceholder {}
