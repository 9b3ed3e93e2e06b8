"""Store visits and leads (issue 13): stores and their hours, designers, free slots, the pure
part of a booking, leads, routing and the acceptance SLA.

Pure values and functions like the rest of the core: the caller passes the time (``now``) and
everything stored; zones are IANA names read through ``zoneinfo``. Storage, the lock that
keeps two bookings apart and the pages are at the edge.

What the edge calls (each takes what it needs from storage, and returns data to store):

- ``slots.free_slots(Diary, SlotQuery, now=, travel=) -> tuple[Slot, ...]``: the slots of a
  store, kind and local dates, each with the designers free for it.
- ``booking.decide_booking(Diary, BookingRequest, now=, travel=) -> Booked | Refused``: inside
  the write transaction, after locking the designers' rows (or the store-day row), with the
  diary read under that lock. ``Booked.blocked`` is the interval a per-designer exclusion
  constraint guards; ``Refused.problem`` is ``slot_taken`` (409) or another refusal (422).
- ``phone.normalise_phone(text)``, then ``leads.find_duplicate(phone, at, leads)``.
- ``routing.route_store(Lead, stores, routed_today)`` and
  ``routing.route_designer(Lead, Store, designers, workload, at=)``: each answer carries a
  ``reasons.Reason`` to store with the assignment (append-only).
- ``sla.sla_outcome(Assignment, Store, designers, workload, now=, sla=)``: run by a periodic
  job for assignments not yet accepted: wait, reassign (tell the manager) or escalate.
- ``demo.demo_stores()``, ``demo.demo_designers()``, ``demo.DEMO_RULES``: the demo data.
"""
