"""The application shell: start-up, the main window, its icon, the first-paint probe."""
