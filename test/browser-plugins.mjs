// Dev-server plugins for browser tests. Later issues add the emulator and Lock bundling here.
export function browserTestPlugins() {
  return [];
}
