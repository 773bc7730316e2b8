"""Every file format: the only package that touches disk, openpyxl or calamine."""
