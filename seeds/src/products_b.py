from products_a import add

# Lào Cai (Yên Bái cũ included)
add("htx-che-shan-tuyet-suoi-giang", "Chè Shan tuyết cổ thụ Suối Giàng", "beverage", "Chè / Trà", "hộp", "200 g", 260, 420000, 45, 5, [("geographical_indication", "CDĐL Suối Giàng")],
    "Búp chè từ cây Shan tuyết trên 100 năm tuổi ở Suối Giàng, hái tay và sao chảo gang. Nước vàng xanh, hương cốm, vị chát nhẹ ngọt sâu. Sản phẩm OCOP 5 sao quốc gia.", "04672")
add("htx-che-shan-tuyet-suoi-giang", "Bạch trà Shan tuyết Suối Giàng", "beverage", "Chè / Trà", "hộp", "100 g", 150, 650000, 18, 4, [],
    "Chỉ lấy búp non phủ lông trắng, làm héo tự nhiên và sấy nhẹ. Nước trà vàng nhạt, hương hoa, vị ngọt dịu.", "04672")
add("htx-che-shan-tuyet-suoi-giang", "Hồng trà Shan tuyết Suối Giàng", "beverage", "Chè / Trà", "hộp", "150 g", 200, 380000, 30, 4, [],
    "Hồng trà lên men từ lá chè Shan tuyết cổ thụ, nước đỏ hổ phách, hương mật ong.", "04672")
add("htx-che-shan-tuyet-suoi-giang", "Chè Shan tuyết túi lưới", "beverage", "Chè / Trà", "túi", "500 g", 540, 300000, 60, 0, [],
    "Chè Shan tuyết loại phổ thông, đóng túi lưới để uống hằng ngày.", "04672")
add("htx-ruou-ngo-ban-pho", "Rượu ngô men lá Bản Phố", "beverage", "Rượu", "chai", "500 ml", 900, 150000, 70, 4, [],
    "Rượu ngô Bắc Hà nấu từ ngô nương với men lá gia truyền của người Mông, 40 độ, ủ chum sành 6 tháng. Êm, thơm mùi ngô.", "02839")
add("htx-ruou-ngo-ban-pho", "Rượu ngô Bắc Hà bình gốm 2 lít", "beverage", "Rượu", "bình", "2 lít", 3200, 480000, 20, 4, [],
    "Rượu ngô men lá đựng trong bình gốm Bát Tràng, làm quà biếu Tết.", "02839")
add("htx-ruou-ngo-ban-pho", "Rượu táo mèo Bắc Hà", "beverage", "Rượu", "chai", "500 ml", 900, 170000, 35, 3, [],
    "Táo mèo (sơn tra) rừng ngâm với rượu ngô men lá 6 tháng, màu hổ phách, vị chua chát nhẹ, tốt cho tiêu hoá.", "02839")
add("htx-nong-nghiep-si-ma-cai", "Mận tam hoa Bắc Hà", "food", "Trái cây", "kg", "1 kg", 1100, 60000, 0, 0, [],
    "Mận tam hoa chín vào tháng 6, quả to, vỏ phủ phấn trắng, giòn và ngọt. Hàng theo mùa, tạm hết.", "02809")
add("htx-nong-nghiep-si-ma-cai", "Ô mai mận tam hoa", "food", "Bánh kẹo / Mứt", "hộp", "300 g", 360, 95000, 55, 3, [],
    "Mận tam hoa sấy dẻo với đường phèn và gừng, không phẩm màu. Chua ngọt hài hoà.", "02809")
add("htx-nong-nghiep-si-ma-cai", "Lê Si Ma Cai", "food", "Trái cây", "kg", "1 kg", 1100, 55000, 0, 0, [],
    "Lê vỏ xanh, giòn ngọt, trồng trên cao nguyên Si Ma Cai. Bán theo mùa tháng 8–9.", "02809")
add("htx-nong-nghiep-si-ma-cai", "Gạo nếp nương Si Ma Cai", "food", "Gạo", "túi", "2 kg", 2050, 90000, 100, 0, [],
    "Nếp nương hạt tròn, đồ xôi dẻo thơm, dùng làm bánh chưng, xôi ngũ sắc.", "02809")
add("htx-que-hoi-van-yen", "Quế thanh Văn Yên", "food", "Gia vị", "gói", "500 g", 520, 110000, 80, 4, [("geographical_indication", "CDĐL Quế Văn Yên số 00054")],
    "Vỏ quế thanh cạo sạch lớp ngoài, cuộn tròn, hàm lượng tinh dầu cao. Dùng nấu phở, làm bánh, pha trà quế.", "04375")
add("htx-que-hoi-van-yen", "Tinh dầu quế Văn Yên", "herbal", "Tinh dầu", "chai", "50 ml", 120, 140000, 120, 4, [("organic", "Hữu cơ TCVN 11041")],
    "Tinh dầu chưng cất từ lá và cành quế hữu cơ. Xông phòng, đuổi muỗi, pha loãng để xoa bóp.", "04375")
add("htx-que-hoi-van-yen", "Khay đựng trầu vỏ quế", "souvenir", "Đồ thủ công", "chiếc", "20 x 12 cm", 300, 180000, 25, 3, [],
    "Khay làm từ vỏ quế ép, thơm lâu, dùng đựng bánh kẹo hoặc trang trí.", "04375")
add("htx-que-hoi-van-yen", "Trà quế mật ong", "beverage", "Trà thảo mộc", "hộp", "20 gói", 220, 85000, 60, 0, [],
    "Bột quế, gừng và mật ong sấy khô, pha nước nóng uống ấm người mùa đông.", "04375")
add("htx-thao-duoc-ta-van", "Lá tắm người Dao đỏ", "herbal", "Thảo dược", "gói", "300 g", 320, 65000, 150, 4, [],
    "Hơn 20 loại lá rừng phơi khô theo bài thuốc Dao đỏ, đun lấy nước tắm giúp thư giãn, hồi phục sức khoẻ, tốt cho phụ nữ sau sinh.", "03037")
add("htx-thao-duoc-ta-van", "Cao xoa bóp thảo dược Tả Van", "herbal", "Thảo dược", "hũ", "30 g", 60, 75000, 90, 3, [],
    "Cao nấu từ lá rừng và tinh dầu quế, xoa bóp khi đau mỏi cơ khớp.", "03037")
add("htx-thao-duoc-ta-van", "Trà giảo cổ lam Sa Pa", "herbal", "Trà thảo mộc", "gói", "200 g", 220, 90000, 80, 3, [],
    "Giảo cổ lam 7 lá hái ở Sa Pa, sấy khô. Vị đắng rồi ngọt, uống thay nước hằng ngày.", "03037")
add("htx-thao-duoc-ta-van", "Túi thơm thảo mộc Dao đỏ", "souvenir", "Đồ thủ công", "chiếc", "10 x 8 cm", 40, 45000, 200, 0, [],
    "Túi vải thổ cẩm nhỏ đựng thảo mộc khô, treo tủ quần áo hoặc xe ô tô.", "03037")
add("cong-ty-nong-san-y-ty", "Gạo séng cù Bát Xát", "food", "Gạo", "túi", "5 kg", 5050, 160000, 200, 4, [],
    "Gạo séng cù trồng ở thung lũng Mường Vi, Bát Xát. Hạt dài, trong, cơm dẻo và thơm, để nguội không cứng.", "02683")
add("cong-ty-nong-san-y-ty", "Thảo quả Y Tý sấy khô", "food", "Gia vị", "gói", "500 g", 520, 170000, 75, 3, [],
    "Thảo quả vùng Y Tý, quả to đều, sấy khô bằng lò, đóng gói hút ẩm.", "02701")
add("cong-ty-nong-san-y-ty", "Đậu tương nương Y Tý", "food", "Đậu / Hạt", "túi", "1 kg", 1020, 60000, 90, 0, [],
    "Đậu tương hạt nhỏ trồng trên nương, làm đậu phụ, sữa đậu rất béo.", "02701")
add("cong-ty-nong-san-y-ty", "Tương ớt thảo quả", "food", "Gia vị", "chai", "250 ml", 330, 55000, 110, 3, [],
    "Tương ớt xay cùng thảo quả và tỏi Y Tý, cay thơm, chấm thịt nướng.", "02701")
add("htx-du-lich-mu-cang-chai", "Homestay nhà Mông Lìm Mông", "tourism", "Lưu trú", "người/đêm", "1 đêm, bữa tối, bữa sáng", None, 350000, 30, 3, [],
    "Nghỉ đêm trong nhà trình tường của người Mông, ăn tối cùng gia đình, ngắm ruộng bậc thang Lìm Mông lúc bình minh.", "04456")
add("htx-du-lich-mu-cang-chai", "Tour mùa vàng Mù Cang Chải 2 ngày", "tourism", "Tour trải nghiệm", "người", "2 ngày 1 đêm", None, 1200000, 20, 4, [],
    "Đi bộ qua ruộng bậc thang La Pán Tẩn, đèo Khau Phạ, cùng bà con gặt lúa và giã bánh dày. Có người dẫn đường người Mông.", "04456")
add("htx-du-lich-mu-cang-chai", "Trải nghiệm dệt lanh Mông", "tourism", "Tour trải nghiệm", "người", "Nửa ngày", None, 250000, 15, 0, [],
    "Học tước sợi lanh, se chỉ, vẽ sáp ong trên vải cùng các chị em người Mông.", "04456")
