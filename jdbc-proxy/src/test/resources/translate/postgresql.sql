@source postgresql
