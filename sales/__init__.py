"""Store visits and leads (issue 13): stores and their hours, designers, free slots, the pure
part of a booking, leads, routing and the acceptance SLA.

Pure values and functions like the rest of the core: the caller passes the time (``now``) and
everything stored; zones are IANA names read through ``zoneinfo``. Storage, the lock that
keeps two bookings apart and the pages are at the edge.
"""
