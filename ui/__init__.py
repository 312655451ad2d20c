"""SunSpace user-interface pieces: layer styles (styles/*.qml), icons and print layouts."""
